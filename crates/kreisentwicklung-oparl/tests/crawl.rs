//! The exported tree, served by a plain static file server on 127.0.0.1,
//! crawled from `system.json` the way an OParl client does: every URL under
//! the base is fetched, every `next` link followed.

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use common::{concepts, options};
use kreisentwicklung_oparl::{endpoint, write_tree};
use serde_json::Value;

/// At most this many requests are served or sent per test.
const MAX_REQUESTS: usize = 20_000;

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("oparl-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A static file server: `GET /oparl/PATH` answers the file `root/PATH`,
/// anything else 404. Runs until MAX_REQUESTS connections were served.
fn serve(listener: TcpListener, root: PathBuf) {
    thread::spawn(move || {
        for stream in listener.incoming().take(MAX_REQUESTS) {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            // The request line, then the headers up to the empty line.
            let mut reader = BufReader::new(&stream);
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 0) && header.trim() != "" {
                header.clear();
            }
            let path = line.split_whitespace().nth(1).unwrap_or("");
            let file = path
                .strip_prefix("/oparl/")
                .filter(|p| !p.split('/').any(|s| s == ".." || s.is_empty()))
                .map(|p| root.join(p));
            let response = match file.and_then(|f| std::fs::read(f).ok()) {
                Some(body) => {
                    let mut r = format!(
                        "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend(body);
                    r
                }
                None => b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
}

/// GET over HTTP/1.0: the status code and the body.
fn get(url: &str) -> (u16, Vec<u8>) {
    let rest = url.strip_prefix("http://").expect("http URL");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut stream = TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let request = format!("GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header");
    let status: u16 = std::str::from_utf8(&response[..split])
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    (status, response[split + 4..].to_vec())
}

/// Every string in a JSON value.
fn strings<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// Every object with an id and a type inside a JSON value.
fn objects<'v>(v: &'v Value, out: &mut Vec<&'v Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| objects(x, out)),
        Value::Object(m) => {
            if m.contains_key("id") && m.contains_key("type") {
                out.push(v);
            }
            m.values().for_each(|x| objects(x, out));
        }
        _ => {}
    }
}

struct Crawl {
    /// URL → document, for every URL fetched.
    fetched: BTreeMap<String, Value>,
    /// Ids of every object seen, in a file or inside another.
    seen: BTreeSet<String>,
    /// `next` links followed.
    next_links: usize,
}

fn crawl(base: &str) -> Crawl {
    let mut queue = VecDeque::from([format!("{base}/system.json")]);
    let mut crawl = Crawl {
        fetched: BTreeMap::new(),
        seen: BTreeSet::new(),
        next_links: 0,
    };
    while let Some(url) = queue.pop_front() {
        if crawl.fetched.contains_key(&url) {
            continue;
        }
        assert!(crawl.fetched.len() < MAX_REQUESTS, "too many URLs");
        let (status, body) = get(&url);
        assert_eq!(status, 200, "dangling link: {url}");
        let doc: Value =
            serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{url} is not JSON: {e}"));
        if let Some(next) = doc["links"]["next"].as_str() {
            crawl.next_links += 1;
            queue.push_back(next.to_owned());
        }
        let mut found = Vec::new();
        objects(&doc, &mut found);
        crawl
            .seen
            .extend(found.iter().map(|o| o["id"].as_str().unwrap().to_owned()));
        let mut links = Vec::new();
        strings(&doc, &mut links);
        queue.extend(
            links
                .into_iter()
                .filter(|s| s.starts_with(&format!("{base}/")))
                .map(str::to_owned),
        );
        crawl.fetched.insert(url, doc);
    }
    crawl
}

fn files(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
}

#[test]
fn a_client_finds_every_object_from_system_with_no_dangling_link() {
    let mut total_pages = 0;
    for (name, concept) in concepts() {
        let dir = TempDir::new(&name);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}/oparl", listener.local_addr().unwrap());
        // Small pages, so that every list of more than two has `next` links.
        let opts = options(&base).option("page-size", "2");
        let summary = write_tree(&concept, &dir.0, &opts).unwrap();
        serve(listener, dir.0.clone());

        let crawl = crawl(&base);
        let ep = endpoint(&concept, &opts).unwrap();
        let mut expected: BTreeSet<String> = [&ep.system, &ep.body]
            .iter()
            .map(|o| o["id"].as_str().unwrap().to_owned())
            .collect();
        for (_, _, list) in ep.lists() {
            expected.extend(list.iter().map(|o| o["id"].as_str().unwrap().to_owned()));
        }
        // Every object is found, and every object found is one of them.
        assert_eq!(crawl.seen, expected, "{name}");
        // Every object's own URL was fetched and gives the object itself.
        for (_, _, list) in ep.lists() {
            for o in list {
                let url = o["id"].as_str().unwrap();
                assert_eq!(crawl.fetched.get(url), Some(o), "{name}: {url}");
            }
        }
        // Every file written was reached: objects and every list page.
        let mut written = BTreeMap::new();
        files(&dir.0, &mut written);
        assert_eq!(written.len(), summary.files, "{name}");
        assert_eq!(crawl.fetched.len(), summary.files, "{name}");
        assert_eq!(summary.objects, expected.len(), "{name}");
        total_pages += summary.pages;
        // `next` links: one for every page but the last of each list.
        let lists = 1 + ep.lists().len();
        assert_eq!(crawl.next_links, summary.pages - lists, "{name}");
    }
    assert!(
        total_pages > 60,
        "the lists were paged: {total_pages} pages"
    );
}

#[test]
fn the_tree_is_the_same_every_time() {
    let (_, concept) = concepts().pop().unwrap();
    let opts = options("https://ratsinfo.example.de/oparl");
    let (a, b) = (TempDir::new("same-a"), TempDir::new("same-b"));
    write_tree(&concept, &a.0, &opts).unwrap();
    write_tree(&concept, &b.0, &opts).unwrap();
    let (mut fa, mut fb) = (BTreeMap::new(), BTreeMap::new());
    files(&a.0, &mut fa);
    files(&b.0, &mut fb);
    let strip = |m: BTreeMap<PathBuf, Vec<u8>>, root: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        m.into_iter()
            .map(|(p, v)| (p.strip_prefix(root).unwrap().to_owned(), v))
            .collect()
    };
    assert_eq!(strip(fa, &a.0), strip(fb, &b.0));
}
