//! `x-kubernetes-validations`: CEL rules compiled once per rule text (the
//! `cel` crate, with its strings and lists extensions, the standard library
//! Kubernetes builds on) and evaluated with `self` bound to the value.
//! Rules that use `oldSelf` judge updates only and are skipped; a rule that
//! calls a Kubernetes-only library function the crate lacks (`isURL`,
//! `quantity`, `ip`, `cidr`, `format.…`, …) cannot be judged offline and
//! counts as passed.

use std::collections::HashMap;
use std::sync::Arc;

use cel::{Context, Env, Program, Value};
use serde_json::Value as Json;

/// What a rule says about a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    Holds,
    Broken,
    /// Not decided offline: a transition rule, or a function the
    /// interpreter does not have (the reason says which).
    Undecided(String),
}

/// Compiled rules of one input, by rule text; the environment is built on
/// the first rule, so inputs without CEL pay nothing.
#[derive(Default)]
pub(crate) struct RuleCache {
    env: Option<Arc<Env>>,
    programs: HashMap<String, Result<Program, String>>,
}

impl RuleCache {
    fn env(&mut self) -> Arc<Env> {
        let env = self.env.get_or_insert_with(|| {
            let mut env = Env::stdlib();
            // Both extensions ship with the crate; a failure would only leave
            // their functions out, which makes rules using them undecided.
            let _ = env.add_extension(cel::extensions::strings);
            let _ = env.add_extension(cel::extensions::lists);
            Arc::new(env)
        });
        Arc::clone(env)
    }

    /// Compiles `rule` (once); the parse error as text when it does not compile.
    pub(crate) fn compile(&mut self, rule: &str) -> Result<(), String> {
        self.program(rule).map(|_| ())
    }

    fn program(&mut self, rule: &str) -> Result<&Program, String> {
        let env = self.env();
        self.programs
            .entry(rule.to_string())
            .or_insert_with(|| env.compile(rule).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Evaluates `rule` with `self` = `value`.
    pub(crate) fn evaluate(&mut self, rule: &str, value: &Json) -> Verdict {
        if rule.contains("oldSelf") {
            return Verdict::Undecided(
                "a transition rule (oldSelf) applies to updates only".into(),
            );
        }
        let env = self.env();
        let program = match self.program(rule) {
            Ok(program) => program,
            Err(err) => return Verdict::Undecided(err),
        };
        let Ok(bound) = cel::to_value(value) else {
            return Verdict::Undecided("the value cannot be given to CEL".into());
        };
        let mut context = Context::with_env(env);
        context.add_variable_from_value("self", bound);
        match program.execute(&context) {
            Ok(Value::Bool(true)) => Verdict::Holds,
            Ok(Value::Bool(false)) => Verdict::Broken,
            Ok(other) => Verdict::Undecided(format!("the rule gives {other:?}, not a boolean")),
            Err(err) => Verdict::Undecided(err.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rules_judge_self() {
        let mut cache = RuleCache::default();
        let rule = "!(has(self.percent) && has(self.fraction))";
        assert_eq!(cache.evaluate(rule, &json!({"percent": 5})), Verdict::Holds);
        assert_eq!(
            cache.evaluate(rule, &json!({"percent": 5, "fraction": {"numerator": 1}})),
            Verdict::Broken
        );
        let strings = "self.value.startsWith('/') && !self.value.contains('#')";
        assert_eq!(
            cache.evaluate(strings, &json!({"value": "/a"})),
            Verdict::Holds
        );
        assert_eq!(
            cache.evaluate(strings, &json!({"value": "a#"})),
            Verdict::Broken
        );
        let lists = "self.all(l, l.name.size() > 0) && self.exists_one(l, l.name == 'a')";
        assert_eq!(
            cache.evaluate(lists, &json!([{"name": "a"}, {"name": "b"}])),
            Verdict::Holds
        );
        assert!(matches!(
            cache.evaluate("self == oldSelf", &json!(1)),
            Verdict::Undecided(_)
        ));
        assert!(cache.compile("self.a ==").is_err());
    }
}
