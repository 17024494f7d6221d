//! The endpoint as files a static web server serves.

use std::path::{Path, PathBuf};

use kreisentwicklung_core::export::{ExportError, ExportOptions};
use kreisentwicklung_core::Concept;
use serde_json::{json, Value};

use crate::export::{endpoint, Endpoint};
use crate::FORMAT;

/// The default number of objects on one list page (the specification
/// recommends paging lists of more than 100).
pub const DEFAULT_PAGE_SIZE: usize = 100;

/// What [`write_tree`] wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TreeSummary {
    /// Files written: objects and list pages.
    pub files: usize,
    /// Objects written, each once as its own file.
    pub objects: usize,
    /// List pages written.
    pub pages: usize,
}

/// The page size from the options (`page-size`), default
/// [`DEFAULT_PAGE_SIZE`].
pub(crate) fn page_size(options: &ExportOptions) -> Result<usize, ExportError> {
    match options.format_options.get("page-size") {
        None => Ok(DEFAULT_PAGE_SIZE),
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or_else(|| ExportError::Option {
                format: FORMAT.to_owned(),
                name: "page-size".to_owned(),
                message: format!("{text:?} is not a whole number from 1 to 100000"),
            }),
    }
}

/// Writes a concept's council side into `dir` as an OParl endpoint: every
/// object in its own file at the path of its URL under the base URL, and
/// the body's lists as pages linked by `next`. Serve `dir` at the base URL
/// with any static web server and point an OParl client at
/// `BASE/system.json`.
///
/// Files are named like their URLs, ending in `.json`, so a server sends
/// them as `application/json` without configuration. Existing files of the
/// same names are replaced; other files in `dir` are left alone.
///
/// ```no_run
/// use kreisentwicklung_core::export::ExportOptions;
/// # let concept = kreisentwicklung_core::generate::generate(&kreisentwicklung_core::generate::GeneratorOptions::new(5));
/// let options = ExportOptions::default().option("base-url", "https://ratsinfo.example.de/oparl");
/// let summary = kreisentwicklung_oparl::write_tree(&concept, "out/oparl".as_ref(), &options)?;
/// println!("{} files", summary.files);
/// # Ok::<(), kreisentwicklung_core::export::ExportError>(())
/// ```
pub fn write_tree(
    concept: &Concept,
    dir: &Path,
    options: &ExportOptions,
) -> Result<TreeSummary, ExportError> {
    let size = page_size(options)?;
    let ep = endpoint(concept, options)?;
    let files = tree_files(&ep, size);
    let mut summary = TreeSummary {
        files: 0,
        objects: 0,
        pages: 0,
    };
    for (path, value, is_page) in &files {
        let target: PathBuf = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut bytes = if options.pretty {
            serde_json::to_vec_pretty(value)
        } else {
            serde_json::to_vec(value)
        }
        .map_err(|e| ExportError::format(FORMAT, e))?;
        bytes.push(b'\n');
        std::fs::write(&target, bytes)?;
        summary.files += 1;
        if *is_page {
            summary.pages += 1;
        } else {
            summary.objects += 1;
        }
    }
    Ok(summary)
}

/// Every file of the tree: its path under the base URL, its content, and
/// whether it is a list page.
pub(crate) fn tree_files(ep: &Endpoint, size: usize) -> Vec<(String, Value, bool)> {
    let mut out = Vec::new();
    let object = |v: &Value, out: &mut Vec<(String, Value, bool)>| {
        let path = v["id"]
            .as_str()
            .and_then(|id| ep.base.path_of(id))
            .unwrap_or_default()
            .to_owned();
        out.push((path, v.clone(), false));
    };
    object(&ep.system, &mut out);
    object(&ep.body, &mut out);
    out.extend(pages(ep, "bodies", std::slice::from_ref(&ep.body), size));
    let body_seg = ep
        .base
        .path_of(ep.body["id"].as_str().unwrap_or(""))
        .unwrap_or("");
    let body_dir = body_seg
        .strip_suffix(".json")
        .unwrap_or(body_seg)
        .to_owned();
    for (_, file, objects) in ep.lists() {
        for v in objects {
            object(v, &mut out);
        }
        out.extend(pages(ep, &format!("{body_dir}/{file}"), objects, size));
    }
    out
}

/// The pages of one list: `STEM.json`, `STEM-2.json`, …
fn pages(ep: &Endpoint, stem: &str, objects: &[Value], size: usize) -> Vec<(String, Value, bool)> {
    let total_pages = objects.len().div_ceil(size).max(1);
    let path = |n: usize| {
        if n == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{n}.json")
        }
    };
    (1..=total_pages)
        .map(|n| {
            let data: Vec<Value> = objects
                .iter()
                .skip((n - 1) * size)
                .take(size)
                .cloned()
                .collect();
            let mut links = serde_json::Map::new();
            links.insert("first".into(), ep.base.join(&path(1)).into());
            links.insert("self".into(), ep.base.join(&path(n)).into());
            links.insert("last".into(), ep.base.join(&path(total_pages)).into());
            if n > 1 {
                links.insert("prev".into(), ep.base.join(&path(n - 1)).into());
            }
            if n < total_pages {
                links.insert("next".into(), ep.base.join(&path(n + 1)).into());
            }
            let page = json!({
                "data": data,
                "pagination": {
                    "totalElements": objects.len(),
                    "elementsPerPage": size,
                    "currentPage": n,
                    "totalPages": total_pages,
                },
                "links": links,
            });
            (path(n), page, true)
        })
        .collect()
}
