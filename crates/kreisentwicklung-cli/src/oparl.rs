//! OParl on the command line: `export --format oparl -o DIR` writes the
//! endpoint as a directory tree, `import-oparl` reads OParl papers into
//! resolutions.

use std::path::PathBuf;

use kreisentwicklung::export::ExportOptions;
use kreisentwicklung::oparl;

use crate::cli::{ExportArgs, ImportOparlArgs};
use crate::files::{self, Source};
use crate::{Failure, EXIT_OK};

/// `export --format oparl -o DIR`: the directory tree of a static OParl
/// endpoint. `None` for every other export, which takes the usual path (the
/// one-document form of OParl included, with `-o -` or `--out-dir`).
pub fn export_tree(args: &ExportArgs) -> Option<Result<u8, Failure>> {
    let dir = args.output.as_ref()?;
    if args.format != oparl::FORMAT || dir.as_os_str() == "-" {
        return None;
    }
    Some(write(args, dir.clone()))
}

fn write(args: &ExportArgs, dir: PathBuf) -> Result<u8, Failure> {
    let mut options = ExportOptions::default().pretty(!args.compact);
    for (name, value) in &args.options {
        options = options.option(name.clone(), value.clone());
    }
    kreisentwicklung::export::Exporter::check_options(&oparl::OparlExporter, &options)
        .map_err(|e| Failure::usage(e.to_string()))?;
    let mut sources: Vec<Source> = args.inputs.iter().cloned().map(Source::File).collect();
    sources.extend(args.example.iter().cloned().map(Source::Example));
    let [source] = &sources[..] else {
        return Err(Failure::usage(format!(
            "-o {} is the directory of one OParl endpoint, but {} inputs were given",
            dir.display(),
            sources.len()
        )));
    };
    if dir.is_file() {
        return Err(Failure::usage(format!(
            "-o {} is a file; --format oparl writes a directory tree there",
            dir.display()
        )));
    }
    let loaded = files::load(source).map_err(|e| Failure {
        code: e.code(),
        message: e.lines().join("\n"),
    })?;
    for warning in &loaded.warnings {
        crate::say!("{warning}");
    }
    let summary = oparl::write_tree(&loaded.concept, &dir, &options).map_err(|e| {
        Failure::invalid(format!(
            "cannot write {}: {}",
            dir.display(),
            files::one_line(&e.to_string())
        ))
    })?;
    crate::say!(
        "wrote {} ({} objects, {} list pages); serve it at {}",
        dir.display(),
        summary.objects,
        summary.pages,
        options
            .format_options
            .get("base-url")
            .map(String::as_str)
            .unwrap_or("")
    );
    Ok(EXIT_OK)
}

/// Runs `import-oparl`.
pub fn import(args: ImportOparlArgs) -> Result<u8, Failure> {
    let mut values = Vec::with_capacity(args.inputs.len());
    for path in &args.inputs {
        let bytes = files::read(path).map_err(|e| Failure::usage(e.lines().join("; ")))?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            Failure::invalid(format!("{}: not a JSON document: {e}", path.display()))
        })?;
        values.push(value);
    }
    let imported = oparl::from_values(&values).map_err(|e| Failure::invalid(e.to_string()))?;
    for warning in &imported.warnings {
        crate::say!("warning: {warning}");
    }
    let bytes = match &args.into {
        None => {
            let mut bytes = serde_json::to_vec_pretty(&imported.resolutions)
                .map_err(|e| Failure::invalid(e.to_string()))?;
            bytes.push(b'\n');
            bytes
        }
        Some(path) => {
            let mut concept = files::load(&Source::File(path.clone()))
                .map_err(|e| Failure {
                    code: e.code(),
                    message: e.lines().join("\n"),
                })?
                .concept;
            for r in imported.resolutions {
                match concept.resolutions.iter_mut().find(|old| old.id == r.id) {
                    Some(old) => *old = oparl::update(old, r),
                    None => concept.resolutions.push(r),
                }
            }
            if let Err(errors) = concept.validate() {
                let lines: Vec<String> = errors
                    .problems
                    .iter()
                    .map(|p| format!("{}: {p}", path.display()))
                    .collect();
                return Err(Failure::invalid(format!(
                    "the concept with the imported resolutions is not valid (add the missing \
                     bodies as actors first):\n{}",
                    lines.join("\n")
                )));
            }
            kreisentwicklung::json::to_vec(&concept, true)
                .map_err(|e| Failure::invalid(e.to_string()))?
        }
    };
    match &args.output {
        None => files::print_bytes(&bytes)?,
        Some(out) => files::write_file(out, |w| Ok(w.write_all(&bytes)?))
            .map_err(|e| Failure::invalid(e.message(out)))?,
    }
    Ok(EXIT_OK)
}
