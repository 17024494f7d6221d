//! The small subcommands: `validate`, `schema`, `formats`, `examples` and
//! `generate`.

use kreisentwicklung::export::ExportOptions;
use kreisentwicklung::generate::{generate as generate_concept, GeneratorOptions, MAX_MEASURES};

use crate::cli::{GenerateArgs, SchemaArgs, SchemaFormat, ValidateArgs};
use crate::files::{self, LoadError, Source};
use crate::{Failure, EXIT_INVALID, EXIT_OK, EXIT_USAGE};

/// Runs `validate`: every problem of every input on standard output.
pub fn validate(args: ValidateArgs) -> Result<u8, Failure> {
    let (mut valid, mut invalid, mut unreadable) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    for path in &args.inputs {
        match files::load(&Source::File(path.clone())) {
            Ok(loaded) => {
                valid += 1;
                for warning in loaded.warnings {
                    report.push_str(&warning);
                    report.push('\n');
                }
            }
            Err(LoadError::Unreadable(line)) => {
                unreadable += 1;
                crate::print_error(&line);
            }
            Err(LoadError::Invalid(lines)) => {
                invalid += 1;
                for line in lines {
                    report.push_str(&line);
                    report.push('\n');
                }
            }
        }
        // Print as we go, so that long runs show their findings early.
        files::print_bytes(report.as_bytes())?;
        report.clear();
    }
    let mut summary = vec![format!("{valid} valid"), format!("{invalid} invalid")];
    if unreadable > 0 {
        summary.push(format!("{unreadable} unreadable"));
    }
    crate::say!("{}", summary.join(", "));
    Ok(if unreadable > 0 {
        EXIT_USAGE
    } else if invalid > 0 {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}

/// The shipped JSON Schema, as in `schemas/kreisentwicklung.schema.json`.
pub fn json_schema() -> String {
    kreisentwicklung::json_schema_string()
}

/// The shipped XSD, as in `schemas/kreisentwicklung.xsd`.
pub fn xsd() -> Result<String, Failure> {
    Ok(kreisentwicklung::xml::xsd())
}

/// Runs `schema`.
pub fn schema(args: SchemaArgs) -> Result<u8, Failure> {
    let text = match args.format {
        SchemaFormat::Json => json_schema(),
        SchemaFormat::Xsd => xsd()?,
    };
    files::print_bytes(text.as_bytes())?;
    Ok(EXIT_OK)
}

/// Runs `formats`: id, extension and media type, tab-separated.
pub fn formats() -> Result<u8, Failure> {
    let mut text = String::new();
    for exporter in kreisentwicklung::registry().iter() {
        text.push_str(&format!(
            "{}\t{}\t{}\n",
            exporter.id(),
            exporter.extension(),
            exporter.media_type()
        ));
    }
    files::print_bytes(text.as_bytes())?;
    Ok(EXIT_OK)
}

/// Runs `examples`: name and county, tab-separated.
pub fn examples() -> Result<u8, Failure> {
    let mut text = String::new();
    for name in files::example_names() {
        let county = files::load_example(name)
            .map(|c| c.territory.display_name())
            .map_err(|e| Failure::invalid(format!("example {name}: {e}")))?;
        text.push_str(&format!("{name}\t{county}\n"));
    }
    files::print_bytes(text.as_bytes())?;
    Ok(EXIT_OK)
}

/// Runs `generate`: a synthetic concept in the format of the file's
/// extension.
pub fn generate(args: GenerateArgs) -> Result<u8, Failure> {
    let registry = kreisentwicklung::registry();
    let ext = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let exporter = registry
        .iter()
        .find(|e| e.extension() == ext)
        .ok_or_else(|| {
            let known: Vec<String> = registry
                .iter()
                .map(|e| format!(".{}", e.extension()))
                .collect();
            Failure::usage(format!(
                "cannot tell the format of {}: give a file name ending in {}",
                files::shown(&args.output),
                known.join(", ")
            ))
        })?;
    // Checked before anything is allocated: a billion measures would ask
    // for hundreds of gigabytes at once and abort the process.
    if args.measures > MAX_MEASURES {
        return Err(Failure::usage(format!(
            "--measures {} is more than the limit of {MAX_MEASURES} measures",
            args.measures
        )));
    }
    files::check_output(&args.output)?;
    let concept = generate_concept(&GeneratorOptions::new(args.measures).seed(args.seed));
    let options = ExportOptions::default();
    files::write_file(&args.output, |out| exporter.export(&concept, out, &options))
        .map_err(|e| Failure::invalid(e.message(&args.output)))?;
    crate::say!(
        "wrote {} ({} measures, seed {})",
        files::shown(&args.output),
        args.measures,
        args.seed
    );
    Ok(EXIT_OK)
}
