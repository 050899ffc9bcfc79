//! The command line: clap definitions only.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use kubetutor::commands::check::CheckFormat;
use kubetutor::commands::list::ListFormat;
use kubetutor::commands::progress::ShowFormat;
use kubetutor::commands::quiz::{ExamOptions, ItemChoice, ReportTarget, SessionFormat as Session};
use kubetutor::commands::report::ReportFormat as Report;
use kubetutor::commands::rules::RulesFormat;
use kubetutor::i18n::Lang;
use kubetutor::tui::ThemeName;
use kubetutor::validate::{
    self, Cluster, FeatureGates, KubeVersion, Level, Options, Profile, Rule, Version,
};

/// An offline, interactive terminal tutor for Kubernetes resources.
///
/// Without a subcommand, kubetutor opens the course map in the terminal.
#[derive(Debug, Parser)]
#[command(name = "kubetutor", version, about)]
pub struct Cli {
    /// Language of lessons and interface [default: from LC_ALL, LC_MESSAGES or LANG, else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Use the lesson pack in DIR instead of the built-in course
    #[arg(long, global = true, value_name = "DIR")]
    pub lessons: Option<PathBuf>,

    /// Colours of the tutor, remembered for next time [default: the last one chosen, else dark;
    /// NO_COLOR set means plain]
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,

    /// Seed of the first quiz or exam the tutor starts (each later one moves
    /// on from it), as `kubetutor exam --seed`: a room's screens then show
    /// the items and options of its printed sheet [default: from the clock]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the lessons in course order
    List {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Validate Kubernetes manifests offline, as the API server would.
    /// Exit 0 without errors, 1 with errors, 2 when an input cannot be read.
    Check(CheckArgs),
    /// List every rule: validator, Pod Security, lints, platform profiles and
    /// the grading built-ins, with severity, versions and what each finds
    Rules {
        /// Output format (md is the page docs/rules.md is made from)
        #[arg(long, value_enum, default_value_t = RulesFormatArg::Text)]
        format: RulesFormatArg,
    },
    /// Grade a manifest against an exercise of the pack.
    /// Exit 0 when it passes, 1 when it does not, 2 when an input cannot be used.
    Grade {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Print each check of the exercise in words (what passes, what does
        /// not) and the sample answers pack lint proves, instead of grading
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        cluster: ClusterArgs,
        /// The exercise id (its folder name under lessons/exercises/)
        #[arg(value_name = "EXERCISE_ID")]
        exercise: String,
        /// The manifest file; `-` reads standard input
        #[arg(value_name = "FILE", required_unless_present = "explain")]
        file: Option<PathBuf>,
    },
    /// Work with lesson packs
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    /// Show, export or reset your progress (kept in the data directory)
    Progress {
        #[command(subcommand)]
        command: ProgressCommand,
    },
    /// Take a quiz in plain text, one line per answer: works over ssh, with
    /// screen readers and with answers piped in. An empty line skips an item
    /// until the others are done. Answers are saved to your progress.
    Quiz {
        #[command(flatten)]
        items: ItemArgs,
        /// Print a quiz sheet (CommonMark) for a paper session instead of asking:
        /// the same items, options and letters as the screens of the same seed
        #[arg(long)]
        print: bool,
        /// With --print: add the answer key with explanations, after a rule
        #[arg(long, requires = "print")]
        answers: bool,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Take a timed exam: no feedback until the end, then score, pass or fail,
    /// per-lesson breakdown and every missed item explained. An empty line
    /// skips an item until the others are done; Ctrl-C stops and keeps the
    /// exam. Exit 0 passed, 1 not passed, 3 stopped before the end (resume
    /// with --resume).
    Exam(ExamArgs),
    /// Team summary from progress files written by `kubetutor progress export`.
    /// Exit 1 when some files could not be read (the others are reported).
    Report {
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Exported progress files, one per learner
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// What `check` takes.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Enforce a Pod Security level: its violations become errors
    /// [default: restricted violations are warnings]
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub pss: Option<PssLevel>,
    /// Pod Security policy version: `latest` or `v1.N`
    #[arg(long, value_name = "VERSION", default_value = "latest", value_parser = parse_version)]
    pub pss_version: Version,
    /// Add the errors of a platform that refuses some Pods
    /// (eks-fargate: DaemonSets, host network and ports, privileged, hostPath)
    #[arg(long, value_enum, value_name = "PROFILE")]
    pub profile: Option<ProfileArg>,
    /// Switch off a lint or platform rule (`lint/image-tag`, …); repeatable or
    /// comma-separated; `kubetutor rules` lists them
    #[arg(long, value_name = "ID", value_delimiter = ',', value_parser = parse_rule_id)]
    pub disable: Vec<&'static Rule>,
    /// Switch on a lint that is off by default
    /// (`lint/automount-service-account-token`); repeatable or comma-separated
    #[arg(long, value_name = "ID", value_delimiter = ',', value_parser = parse_rule_id)]
    pub enable: Vec<&'static Rule>,
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Validate custom resources against the CustomResourceDefinitions in
    /// this file or folder (repeatable); CRDs in the input count too, and
    /// the Gateway API's standard CRDs are built in
    #[arg(long, value_name = "FILE|DIR")]
    pub crd: Vec<PathBuf>,
    /// Manifest files; `-` reads standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl CheckArgs {
    /// The validator's options.
    pub fn options(&self) -> Options {
        Options {
            pss: self.pss.map(Into::into),
            pss_version: self.pss_version,
            profile: self.profile.map(Into::into),
            disabled: self.disable.clone(),
            enabled: self.enable.clone(),
            cluster: self.cluster.cluster(),
            crds: validate::Crds::default(),
        }
    }
}

/// The cluster to answer for, shared by `check` and `grade`.
#[derive(Debug, clap::Args)]
pub struct ClusterArgs {
    /// Answer as the API server of this Kubernetes release (1.30 … 1.37):
    /// kinds, fields and feature-gate defaults of that release; the Pod
    /// Security `latest` policy follows it [default: 1.37, or the exercise's]
    #[arg(long, value_name = "VERSION")]
    pub kube_version: Option<KubeVersion>,
    /// Assume feature gates on or off: `Name=true,Other=false`
    /// (ContainerRestartRules, RestartAllContainersOnContainerExits,
    /// TaintTolerationComparisonOperators, PodLevelResources,
    /// InPlacePodVerticalScaling, UserNamespacesSupport)
    #[arg(long, value_name = "GATES", default_value = "")]
    pub feature_gates: FeatureGates,
}

impl ClusterArgs {
    /// The cluster these flags describe; the latest release when none is named.
    pub fn cluster(&self) -> Cluster {
        Cluster {
            version: self.kube_version.unwrap_or_default(),
            gates: self.feature_gates.clone(),
        }
    }
}

/// What `exam` takes.
#[derive(Debug, clap::Args)]
pub struct ExamArgs {
    #[command(flatten)]
    pub items: ItemArgs,
    /// Time limit in minutes; unanswered items count as wrong when it runs out
    #[arg(long, value_name = "M")]
    pub minutes: Option<u32>,
    /// Percent of items right needed to pass
    #[arg(long, value_name = "P", default_value_t = 70, value_parser = clap::value_parser!(u32).range(0..=100))]
    pub pass_mark: u32,
    /// Continue the unfinished exam (also one left in the tutor) where it
    /// stopped, with the time that is left
    #[arg(long, conflicts_with_all = ["restart"])]
    pub resume: bool,
    /// Discard an unfinished exam and start a new one
    #[arg(long)]
    pub restart: bool,
    #[command(flatten)]
    pub report: ReportArgs,
}

impl ExamArgs {
    /// What only an exam takes.
    pub fn options(&self) -> ExamOptions {
        ExamOptions {
            minutes: self.minutes,
            pass_mark: self.pass_mark,
            resume: self.resume,
            restart: self.restart,
        }
    }
}

/// Which quiz items a quiz or exam asks.
#[derive(Debug, clap::Args)]
pub struct ItemArgs {
    /// Only items of this lesson (repeatable) [default: every lesson]
    #[arg(long = "lesson", id = "lesson", value_name = "ID")]
    pub lesson_ids: Vec<String>,
    /// Ask at most N items
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,
    /// Choose and order the items and their options with seed S: the same
    /// seed gives the same items, options and letters on every machine and
    /// in every mode [default: a new seed]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
}

/// Where a quiz or exam writes its report.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Write a report of the session to FILE
    #[arg(long = "report", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Format of the report [default: md]
    #[arg(long, value_enum, requires = "file")]
    pub format: Option<SessionFormat>,
}

impl From<ItemArgs> for ItemChoice {
    fn from(items: ItemArgs) -> ItemChoice {
        ItemChoice {
            lessons: items.lesson_ids,
            count: items.count.and_then(|n| usize::try_from(n).ok()),
            seed: items.seed,
        }
    }
}

impl From<ReportArgs> for ReportTarget {
    fn from(report: ReportArgs) -> ReportTarget {
        ReportTarget {
            file: report.file,
            format: report.format.map(|format| match format {
                SessionFormat::Json => Session::Json,
                SessionFormat::Junit => Session::Junit,
                SessionFormat::Md => Session::Md,
            }),
        }
    }
}

/// Report formats of quizzes and exams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SessionFormat {
    Json,
    Junit,
    Md,
}

#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Per lesson: read, quiz score, exercises passed and items due for review
    Show {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write your progress as a portable JSON file (docs/progress-format.md)
    Export {
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Your name in team reports [default: the name used last, else $USER]
        #[arg(long)]
        name: Option<String>,
    },
    /// Forget progress: one lesson's, or everything (settings are kept)
    Reset {
        /// Only this lesson's answers, attempts, reading state and reviews
        #[arg(long, value_name = "ID")]
        lesson: Option<String>,
        /// Confirm: nothing is deleted without it
        #[arg(long)]
        yes: bool,
    },
}

/// Output formats of `kubetutor report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Json,
}

impl From<ReportFormat> for Report {
    fn from(format: ReportFormat) -> Report {
        match format {
            ReportFormat::Md => Report::Md,
            ReportFormat::Json => Report::Json,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Check a pack: front matter, quiz items, exercises, translations, diagrams and links.
    /// Prints `path:line:column: message` per problem; exit 1 when there are problems.
    Lint {
        /// The pack folder [default: the --lessons pack, else the built-in course]
        dir: Option<PathBuf>,
    },
}

/// A Pod Security level `--pss` can enforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PssLevel {
    Baseline,
    Restricted,
}

impl From<PssLevel> for Level {
    fn from(level: PssLevel) -> Level {
        match level {
            PssLevel::Baseline => Level::Baseline,
            PssLevel::Restricted => Level::Restricted,
        }
    }
}

/// A platform profile `--profile` can add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    EksFargate,
}

impl From<ProfileArg> for Profile {
    fn from(profile: ProfileArg) -> Profile {
        match profile {
            ProfileArg::EksFargate => Profile::EksFargate,
        }
    }
}

fn parse_version(text: &str) -> Result<Version, String> {
    text.parse()
}

fn parse_rule_id(id: &str) -> Result<&'static Rule, validate::RuleError> {
    validate::switchable(id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    Plain,
}

impl From<ThemeArg> for ThemeName {
    fn from(theme: ThemeArg) -> ThemeName {
        match theme {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::Plain => ThemeName::Plain,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Ja,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::En => Lang::En,
            LangArg::Ja => Lang::Ja,
        }
    }
}

/// Output formats of `kubetutor rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormatArg {
    Text,
    Json,
    Md,
}

impl From<RulesFormatArg> for RulesFormat {
    fn from(format: RulesFormatArg) -> RulesFormat {
        match format {
            RulesFormatArg::Text => RulesFormat::Text,
            RulesFormatArg::Json => RulesFormat::Json,
            RulesFormatArg::Md => RulesFormat::Markdown,
        }
    }
}

/// The text-or-JSON choice several commands share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

impl From<Format> for CheckFormat {
    fn from(format: Format) -> CheckFormat {
        match format {
            Format::Text => CheckFormat::Text,
            Format::Json => CheckFormat::Json,
        }
    }
}

impl From<Format> for ListFormat {
    fn from(format: Format) -> ListFormat {
        match format {
            Format::Text => ListFormat::Text,
            Format::Json => ListFormat::Json,
        }
    }
}

impl From<Format> for ShowFormat {
    fn from(format: Format) -> ShowFormat {
        match format {
            Format::Text => ShowFormat::Text,
            Format::Json => ShowFormat::Json,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
