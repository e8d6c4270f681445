//! Rebuilds the committed catalogue (`app/data`) from the national portal's records.
//!
//! Usage: `import-catalogue [SOURCE_DIR] [DATA_DIR]`, by default `../shared/data` and `app/data`
//! (run from the workspace root; `make import` does). Reads `procedure-names-en.tsv` from
//! DATA_DIR and writes `procedures.jsonl` and `hanoi-wards.jsonl` there.

use server::import::{import_procedures, import_wards, parse_names, to_jsonl};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let source = PathBuf::from(args.next().unwrap_or_else(|| "../shared/data".into()));
    let data = PathBuf::from(args.next().unwrap_or_else(|| "app/data".into()));
    match run(&source, &data) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("import-catalogue: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn run(source: &Path, data: &Path) -> Result<String, String> {
    let names =
        parse_names(&read(&data.join("procedure-names-en.tsv"))?).map_err(|e| e.to_string())?;
    let procedures = import_procedures(&read(&source.join("dvc-ward-procedures.jsonl"))?, &names)
        .map_err(|e| e.to_string())?;
    let wards =
        import_wards(&read(&source.join("vn-wards-2025.csv"))?).map_err(|e| e.to_string())?;
    write(&data.join("procedures.jsonl"), &to_jsonl(&procedures))?;
    write(&data.join("hanoi-wards.jsonl"), &to_jsonl(&wards))?;
    let english = procedures.iter().filter(|p| p.name_en.is_some()).count();
    Ok(format!(
        "{} procedures ({english} with an English name), {} Hanoi communes and wards → {}",
        procedures.len(),
        wards.len(),
        data.display()
    ))
}
