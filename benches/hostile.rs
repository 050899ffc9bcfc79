//! How long each kind of hostile input takes to be refused or checked
//! (issue 9: within 100 ms each). Median of 5 runs, release build.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use kubetutor::validate;

fn main() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n";
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for level in 1..10u8 {
        let (prev, name) = ((b'a' + level - 1) as char, (b'a' + level) as char);
        bomb.push_str(&format!(
            "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("alias bomb (10 levels of 9)", bomb.into_bytes()),
        (
            "10,000-deep flow nesting",
            format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        ),
        (
            "2,000-deep block mappings (2 MB)",
            (0..2_000)
                .map(|i| format!("{}a:\n", " ".repeat(i)))
                .collect::<String>()
                .into_bytes(),
        ),
        ("4 MiB + 1 byte", vec![b'#'; 4 * 1024 * 1024 + 1]),
        ("just under 4 MiB of a valid manifest list", {
            let doc = format!("---\n{pod}");
            doc.repeat(4 * 1024 * 1024 / doc.len() - 1).into_bytes()
        }),
        (
            "a 1 MB line",
            format!("{pod}# {}\n", "x".repeat(1_000_000)).into_bytes(),
        ),
        (
            "invalid UTF-8",
            b"kind: Pod\nmetadata:\n  name: \xc3\x28\n".to_vec(),
        ),
        ("NUL bytes", b"kind: Pod\x00\x00\n".to_vec()),
        (
            "tabs as indentation",
            b"kind: Pod\nmetadata:\n\tname: web\n".to_vec(),
        ),
        (
            "BOM + CRLF",
            [
                b"\xef\xbb\xbf".as_slice(),
                pod.replace('\n', "\r\n").as_bytes(),
            ]
            .concat(),
        ),
    ];
    validate::check(pod);
    for (name, bytes) in cases {
        let mut times: Vec<f64> = (0..5)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(validate::check_bytes(std::hint::black_box(&bytes)));
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("{name}: {:.2} ms ({} bytes)", times[2], bytes.len());
    }
}
