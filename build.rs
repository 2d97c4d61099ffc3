//! Embeds every file of `themes/default/` into the binary, so a site needs
//! only `content/`. Writes `$OUT_DIR/default_theme.rs`: a sorted table of
//! (path relative to the theme folder, bytes).

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    // Read at run time: `env!` would freeze the path the build script was
    // compiled in, and a copied target/ would then embed another tree's theme.
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let theme = Path::new(&manifest).join("themes/default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut files = Vec::new();
    collect(&theme, &theme, &mut files);
    files.sort();
    let mut out = String::from("pub(crate) static DEFAULT_THEME: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let abs = theme.join(rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default_theme.rs");
    fs::write(dest, out).expect("cannot write the embedded theme table");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let entries = fs::read_dir(dir).expect("cannot read themes/default");
    for entry in entries {
        let path = entry.expect("cannot read themes/default").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.extension().is_some_and(|e| e != "md") {
            let rel = path.strip_prefix(root).expect("inside the theme folder");
            files.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}
