//! Per-manifest validation time over 1,000 real manifests (the list from
//! benches/manifests.sh): median of 25 runs per manifest, then p50, p99 and
//! max across manifests, and the overall throughput. Schemas are compiled
//! once before timing, as in a long-running tutor.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use std::time::Instant;

use kubetutor::validate;

const RUNS: usize = 25;

fn main() {
    let list = Command::new("benches/manifests.sh")
        .output()
        .expect("benches/manifests.sh runs");
    let paths: Vec<String> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    let texts: Vec<String> = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("readable manifest"))
        .collect();
    let warm = Instant::now();
    validate::check("apiVersion: v1\nkind: Pod\n");
    println!(
        "schema compilation (once per process): {:.2} ms",
        warm.elapsed().as_secs_f64() * 1e3
    );

    let mut medians: Vec<f64> = texts
        .iter()
        .map(|text| {
            let mut runs: Vec<f64> = (0..RUNS)
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(validate::check(std::hint::black_box(text)));
                    start.elapsed().as_secs_f64() * 1e6
                })
                .collect();
            runs.sort_by(f64::total_cmp);
            runs[RUNS / 2]
        })
        .collect();
    medians.sort_by(f64::total_cmp);
    let at = |q: f64| medians[((medians.len() - 1) as f64 * q).round() as usize];
    let total: f64 = medians.iter().sum();
    println!("manifests: {}", medians.len());
    println!(
        "per manifest: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        at(0.5),
        at(0.99),
        at(1.0)
    );
    println!(
        "throughput: {:.0} manifests/s (one core)",
        medians.len() as f64 / (total / 1e6)
    );
}
