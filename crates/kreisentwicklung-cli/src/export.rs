//! `kreisentwicklung export`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use kreisentwicklung::export::{ExportOptions, Exporter};
use kreisentwicklung::{Concept, Language};

use crate::cli::ExportArgs;
use crate::files::{self, Source};
use crate::progress::Progress;
use crate::{Failure, EXIT_INVALID, EXIT_OK, EXIT_USAGE};

/// Where one output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dest {
    Stdout,
    File(PathBuf),
}

/// One input and its output.
#[derive(Debug)]
struct Job {
    source: Source,
    dest: Dest,
}

/// Runs `export`.
pub fn run(args: ExportArgs) -> Result<u8, Failure> {
    if let Some(result) = crate::oparl::export_tree(&args) {
        return result;
    }
    let registry = kreisentwicklung::registry();
    let exporter = registry
        .get(&args.format)
        .ok_or_else(|| Failure::usage(format!("unknown format {:?}", args.format)))?;

    let base = options(&args);
    // Unknown format-specific options are usage errors, caught before any
    // work is done.
    exporter
        .check_options(&base)
        .map_err(|e| Failure::usage(e.to_string()))?;

    let sources: Vec<Source> = args
        .inputs
        .iter()
        .cloned()
        .map(Source::File)
        .chain(args.example.iter().cloned().map(Source::Example))
        .collect();
    let jobs = plan(&args, exporter, sources)?;

    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| {
            Failure::usage(format!(
                "cannot create the directory {}: {}",
                files::shown(dir),
                files::io_message(&e)
            ))
        })?;
    }

    let several = jobs.len() > 1;
    let mut progress = Progress::new(jobs.len());
    let (mut exported, mut failed, mut code) = (0usize, 0usize, EXIT_OK);
    for job in &jobs {
        progress.start_item(&job.source.label());
        match export_one(exporter, job, &base) {
            Ok(warnings) => {
                exported += 1;
                for warning in warnings {
                    progress.println(&warning);
                }
                if let (false, Dest::File(path)) = (several, &job.dest) {
                    progress.println(&format!("wrote {}", files::shown(path)));
                }
            }
            Err((job_code, lines)) => {
                failed += 1;
                code = code.max(job_code);
                for line in lines {
                    progress.println(&format!("error: {line}"));
                }
            }
        }
        progress.finish_item();
    }
    progress.clear();
    if several {
        crate::say!("{exported} exported, {failed} failed");
    }
    Ok(code)
}

/// The export options from the command line. Without `--lang` the
/// language is left open: each exporter takes the concept's own.
fn options(args: &ExportArgs) -> ExportOptions {
    let mut options = ExportOptions::default().pretty(!args.compact);
    if let Some(lang) = args.lang {
        options = options.language(lang.into());
    }
    if let Some(timestamp) = args.timestamp {
        options = options.timestamp(timestamp);
    }
    if args.constant_memory {
        options = options.option("constant-memory", "true");
    }
    if args.in_memory {
        options = options.option("mode", "in-memory");
    }
    for (name, value) in &args.options {
        options = options.option(name.clone(), value.clone());
    }
    options
}

/// Decides every output before anything is written, and refuses plans
/// that would overwrite an input or write two outputs to one file.
fn plan(
    args: &ExportArgs,
    exporter: &dyn Exporter,
    sources: Vec<Source>,
) -> Result<Vec<Job>, Failure> {
    let ext = exporter.extension();
    if sources.len() > 1 {
        if let Some(out) = &args.output {
            return Err(Failure::usage(format!(
                "-o {} names one output, but {} inputs were given; use --out-dir DIR for several",
                files::shown(out),
                sources.len()
            )));
        }
    }

    let mut jobs = Vec::with_capacity(sources.len());
    for source in sources {
        let dest = match (&args.output, &args.out_dir) {
            (Some(out), _) if out.as_os_str() == "-" => {
                if exporter.is_binary() {
                    return Err(Failure::usage(format!(
                        "{} is a binary format and is not written to standard output; \
                         give a file name with -o",
                        exporter.id()
                    )));
                }
                if files::stdout_closed() {
                    return Err(files::stdout_closed_error());
                }
                Dest::Stdout
            }
            (Some(out), _) => Dest::File(out.clone()),
            (None, Some(dir)) => Dest::File(dir.join(output_name(&source, ext)?)),
            (None, None) => Dest::File(match &source {
                Source::File(path) => path.with_extension(ext),
                Source::Example(name) => PathBuf::from(format!("{name}.{ext}")),
            }),
        };
        jobs.push(Job { source, dest });
    }

    let stdin_inputs = args.inputs.iter().filter(|p| files::is_stdin(p)).count();
    if stdin_inputs > 1 {
        return Err(Failure::usage("standard input (-) can be read only once"));
    }
    if stdin_inputs == 1 && args.output.is_none() {
        return Err(Failure::usage(
            "an input from standard input (-) needs an output name: give -o OUT or -o -",
        ));
    }
    // A directory or a missing directory as output is a usage mistake,
    // found before any work (--out-dir is created later).
    if args.out_dir.is_none() {
        for job in &jobs {
            if let Dest::File(dest) = &job.dest {
                files::check_output(dest)?;
            }
        }
    }

    let mut seen = HashSet::new();
    for job in &jobs {
        let Dest::File(dest) = &job.dest else {
            continue;
        };
        if let Source::File(input) = &job.source {
            if files::same_file(input, dest) || input == dest {
                return Err(Failure::usage(format!(
                    "the output {} would overwrite the input; choose another name with -o or \
                     another directory with --out-dir",
                    files::shown(dest)
                )));
            }
        }
        if !seen.insert(dest.clone()) {
            return Err(Failure::usage(format!(
                "two inputs would both be written to {}; export them in separate runs or \
                 rename one",
                files::shown(dest)
            )));
        }
    }
    // An output that is another job's input would destroy that input
    // before it is read.
    for job in &jobs {
        let Dest::File(dest) = &job.dest else {
            continue;
        };
        for other in &jobs {
            if let Source::File(input) = &other.source {
                if files::same_file(input, dest) {
                    return Err(Failure::usage(format!(
                        "the output {} would overwrite the input {}",
                        files::shown(dest),
                        files::shown(input)
                    )));
                }
            }
        }
    }
    Ok(jobs)
}

/// The file name of an output in `--out-dir`: the input's stem or the
/// example's name, with the format's extension.
fn output_name(source: &Source, ext: &str) -> Result<PathBuf, Failure> {
    match source {
        Source::Example(name) => Ok(PathBuf::from(format!("{name}.{ext}"))),
        Source::File(path) => {
            let stem = path.file_stem().ok_or_else(|| {
                Failure::usage(format!(
                    "cannot name an output after {}",
                    files::shown(path)
                ))
            })?;
            Ok(Path::new(stem).with_extension(ext))
        }
    }
}

/// Loads and exports one input, returning the reader's warnings. On
/// failure: the exit code and the lines to print.
fn export_one(
    exporter: &dyn Exporter,
    job: &Job,
    base: &ExportOptions,
) -> Result<Vec<String>, (u8, Vec<String>)> {
    let loaded = files::load(&job.source).map_err(|e| (e.code(), e.lines()))?;
    let concept = loaded.concept;
    // `export` checks the options and what the format requires of the
    // concept before anything is written.
    let write = |out: &mut (dyn std::io::Write + Send)| exporter.export(&concept, out, base);
    let (result, dest_path) = match &job.dest {
        Dest::Stdout => (files::write_stdout(write), Path::new("standard output")),
        Dest::File(path) => (files::write_file(path, write), path.as_path()),
    };
    result.map(|()| loaded.warnings).map_err(|e| {
        let label = job.source.label();
        let lines = e
            .lines(dest_path)
            .into_iter()
            .map(|line| format!("{label}: {line}"))
            .collect();
        let code = match (e, &job.dest) {
            (
                files::WriteError::Export(kreisentwicklung::export::ExportError::Option { .. }),
                _,
            ) => EXIT_USAGE,
            // A failing standard output (`/dev/full`) is the caller's setup.
            (
                files::WriteError::Export(kreisentwicklung::export::ExportError::Io(_)),
                Dest::Stdout,
            ) => EXIT_USAGE,
            _ => EXIT_INVALID,
        };
        (code, lines)
    })
}

/// The concept's main language if labels exist for it, German otherwise
/// (the rule of [`kreisentwicklung::export::concept_language`]).
pub fn concept_language(concept: &Concept) -> Language {
    kreisentwicklung::export::concept_language(concept)
}
