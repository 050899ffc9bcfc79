//! The built-in course is embedded with include_dir, which cannot tell cargo
//! about the files it reads; this makes a change to a lesson rebuild the crate.

fn main() {
    println!("cargo:rerun-if-changed=lessons");
    println!("cargo:rerun-if-changed=assets");
}
