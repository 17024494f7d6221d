//! Prints the OParl document of a concept document: `cargo run --example oparl_dump -- FILE BASE`.
use kreisentwicklung_core::export::{ExportOptions, Exporter};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("a concept document");
    let concept = kreisentwicklung_json::from_str(&text).expect("a valid concept");
    let options = ExportOptions::default().option("base-url", args[2].clone());
    let mut out = std::io::stdout();
    if let Err(e) = kreisentwicklung_oparl::OparlExporter.export(&concept, &mut out, &options) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
