//! A compact graph of the schemas of every built-in kind.

use std::collections::HashMap;
use std::sync::OnceLock;

use k8s_openapi::schemars::SchemaGenerator;
use serde_json::Value as Json;

use super::kinds::for_each_kind;

/// Index of a shape in [`Schemas::shapes`].
pub(crate) type ShapeId = usize;

/// What a value must look like.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    Object {
        properties: HashMap<String, ShapeId>,
        required: Vec<String>,
        /// The shape of values of a map (labels, data, resource lists).
        additional: Option<ShapeId>,
        /// Anything goes (RawExtension, JSON, preserve-unknown-fields).
        open: bool,
    },
    Array(ShapeId),
    String,
    /// `int32` fields overflow above 2,147,483,647.
    Integer {
        int32: bool,
    },
    Number,
    Boolean,
    /// An int or a string (ports by name or number, rolling-update percentages).
    IntOrString,
    /// A resource quantity: a string such as "500m", or a number.
    Quantity,
    Any,
}

/// Every built-in kind's schema, with the kinds indexed by apiVersion.
pub(crate) struct Schemas {
    shapes: Vec<Shape>,
    kinds: HashMap<(String, String), ShapeId>,
    versions_of_kind: HashMap<String, Vec<String>>,
}

impl Schemas {
    /// The shape of `id`.
    pub(crate) fn shape(&self, id: ShapeId) -> &Shape {
        &self.shapes[id]
    }

    /// The root shape of a kind in an apiVersion.
    pub(crate) fn kind(&self, api_version: &str, kind: &str) -> Option<ShapeId> {
        self.kinds
            .get(&(api_version.to_string(), kind.to_string()))
            .copied()
    }

    /// The apiVersions a kind is served in.
    pub(crate) fn versions_of(&self, kind: &str) -> &[String] {
        self.versions_of_kind.get(kind).map_or(&[], Vec::as_slice)
    }

    /// Whether an API group (the part of an apiVersion before `/`, "" for the
    /// core group) is built into Kubernetes.
    pub(crate) fn is_builtin_group(&self, group: &str) -> bool {
        self.kinds
            .keys()
            .any(|(api_version, _)| group_of(api_version) == group)
    }

    /// Every kind name, for suggestions.
    pub(crate) fn kind_names(&self) -> impl Iterator<Item = &str> {
        self.versions_of_kind.keys().map(String::as_str)
    }
}

/// The API group of an apiVersion: `apps` for `apps/v1`, "" for `v1`.
pub(crate) fn group_of(api_version: &str) -> &str {
    api_version.rsplit_once('/').map_or("", |(group, _)| group)
}

/// The schemas, compiled on first use.
pub(crate) fn schemas() -> &'static Schemas {
    static SCHEMAS: OnceLock<Schemas> = OnceLock::new();
    SCHEMAS.get_or_init(compile)
}

/// The schemas of kinds the latest release no longer serves, from the last
/// release that did (for `--kube-version`), compiled on first use.
pub(crate) fn old_schemas() -> &'static Schemas {
    static OLD: OnceLock<Schemas> = OnceLock::new();
    OLD.get_or_init(compile_old)
}

fn compile_old() -> Schemas {
    let data: Json =
        serde_json::from_str(include_str!("../versions/old.json")).unwrap_or(Json::Null);
    let empty = serde_json::Map::new();
    let definitions = data
        .get("definitions")
        .and_then(Json::as_object)
        .unwrap_or(&empty);
    let mut compiler = Compiler {
        definitions,
        shapes: Vec::new(),
        by_name: HashMap::new(),
    };
    let mut kinds = HashMap::new();
    let mut versions_of_kind: HashMap<String, Vec<String>> = HashMap::new();
    let roots = data
        .get("roots")
        .and_then(Json::as_object)
        .unwrap_or(&empty);
    for (key, name) in roots {
        let (Some((api_version, kind)), Some(name)) = (key.split_once('\t'), name.as_str()) else {
            continue;
        };
        let id = compiler.convert(&serde_json::json!({ "$ref": format!("#/$defs/{name}") }));
        kinds.insert((api_version.to_string(), kind.to_string()), id);
        versions_of_kind
            .entry(kind.to_string())
            .or_default()
            .push(api_version.to_string());
    }
    Schemas {
        shapes: compiler.shapes,
        kinds,
        versions_of_kind,
    }
}

const QUANTITY: &str = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const INT_OR_STRING: &str = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
/// Any JSON value: a CRD schema's `default`, `enum` items and `example`.
const CRD_JSON: &str = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON";

fn compile() -> Schemas {
    let mut generator = SchemaGenerator::default();
    let mut roots: Vec<(&'static str, &'static str, Json)> = Vec::new();
    macro_rules! add {
        ($ty:ty) => {
            roots.push((
                <$ty as k8s_openapi::Resource>::API_VERSION,
                <$ty as k8s_openapi::Resource>::KIND,
                generator.subschema_for::<$ty>().to_value(),
            ));
        };
    }
    for_each_kind!(add);
    let definitions = generator.take_definitions(false);
    let mut compiler = Compiler {
        definitions: &definitions,
        shapes: Vec::new(),
        by_name: HashMap::new(),
    };
    let mut kinds = HashMap::new();
    let mut versions_of_kind: HashMap<String, Vec<String>> = HashMap::new();
    for (api_version, kind, root) in roots {
        let id = compiler.convert(&root);
        kinds.insert((api_version.to_string(), kind.to_string()), id);
        versions_of_kind
            .entry(kind.to_string())
            .or_default()
            .push(api_version.to_string());
    }
    for versions in versions_of_kind.values_mut() {
        versions.sort_by_key(|v| version_rank(v));
    }
    Schemas {
        shapes: compiler.shapes,
        kinds,
        versions_of_kind,
    }
}

/// Sorts stable versions first (v1 before v1beta1 before v1alpha1).
fn version_rank(api_version: &str) -> (u8, String) {
    let version = api_version.rsplit('/').next().unwrap_or(api_version);
    let rank = if version.contains("alpha") {
        2
    } else if version.contains("beta") {
        1
    } else {
        0
    };
    (rank, api_version.to_string())
}

struct Compiler<'a> {
    definitions: &'a serde_json::Map<String, Json>,
    shapes: Vec<Shape>,
    by_name: HashMap<String, ShapeId>,
}

impl Compiler<'_> {
    fn push(&mut self, shape: Shape) -> ShapeId {
        self.shapes.push(shape);
        self.shapes.len() - 1
    }

    fn convert(&mut self, schema: &Json) -> ShapeId {
        if let Some(reference) = schema.get("$ref").and_then(Json::as_str) {
            let name = reference
                .rsplit('/')
                .next()
                .unwrap_or(reference)
                .to_string();
            if let Some(&id) = self.by_name.get(&name) {
                return id;
            }
            match name.as_str() {
                QUANTITY => return self.named(name, Shape::Quantity),
                INT_OR_STRING => return self.named(name, Shape::IntOrString),
                CRD_JSON => return self.named(name, Shape::Any),
                _ => {}
            }
            let id = self.named(name.clone(), Shape::Any);
            if let Some(definition) = self.definitions.get(&name) {
                let shape = self.shape_of(definition);
                self.shapes[id] = shape;
            }
            return id;
        }
        let shape = self.shape_of(schema);
        self.push(shape)
    }

    fn named(&mut self, name: String, shape: Shape) -> ShapeId {
        let id = self.push(shape);
        self.by_name.insert(name, id);
        id
    }

    fn shape_of(&mut self, schema: &Json) -> Shape {
        if schema
            .get("x-kubernetes-int-or-string")
            .and_then(Json::as_bool)
            == Some(true)
        {
            return Shape::IntOrString;
        }
        if schema
            .get("x-kubernetes-preserve-unknown-fields")
            .and_then(Json::as_bool)
            == Some(true)
        {
            return Shape::Any;
        }
        match type_of(schema) {
            Some("string") => Shape::String,
            Some("integer") => Shape::Integer {
                int32: schema.get("format").and_then(Json::as_str) == Some("int32"),
            },
            Some("number") => Shape::Number,
            Some("boolean") => Shape::Boolean,
            Some("array") => {
                let items = match schema.get("items") {
                    Some(items) => self.convert(items),
                    None => self.push(Shape::Any),
                };
                Shape::Array(items)
            }
            Some("object") => {
                let mut properties = HashMap::new();
                if let Some(Json::Object(props)) = schema.get("properties") {
                    for (name, property) in props {
                        let id = self.convert(property);
                        properties.insert(name.clone(), id);
                    }
                }
                let additional = match schema.get("additionalProperties") {
                    Some(Json::Bool(false)) | None => None,
                    Some(Json::Bool(true)) => Some(self.push(Shape::Any)),
                    Some(other) => Some(self.convert(other)),
                };
                let required = schema
                    .get("required")
                    .and_then(Json::as_array)
                    .map(|names| {
                        names
                            .iter()
                            .filter_map(Json::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                let open = properties.is_empty() && additional.is_none();
                Shape::Object {
                    properties,
                    required,
                    additional,
                    open,
                }
            }
            _ => Shape::Any,
        }
    }
}

/// A schema's type: `"string"`, or the first of `["string", "null"]` that is
/// not null (as the OpenAPI v3 documents write optional fields).
fn type_of(schema: &Json) -> Option<&str> {
    match schema.get("type")? {
        Json::String(name) => Some(name),
        Json::Array(names) => names.iter().filter_map(Json::as_str).find(|n| *n != "null"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_core_kinds_and_their_versions() {
        let schemas = schemas();
        for (api_version, kind) in [
            ("v1", "Pod"),
            ("apps/v1", "Deployment"),
            ("batch/v1", "CronJob"),
            ("networking.k8s.io/v1", "NetworkPolicy"),
            ("v1", "PersistentVolumeClaim"),
        ] {
            assert!(
                schemas.kind(api_version, kind).is_some(),
                "{api_version} {kind}"
            );
        }
        assert_eq!(schemas.versions_of("Deployment"), ["apps/v1"]);
        assert!(schemas.kind_names().count() > 60);
    }

    #[test]
    fn kinds_gone_from_the_latest_release_keep_their_schema() {
        let old = old_schemas();
        let flow = old
            .kind("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema")
            .unwrap();
        let Shape::Object { properties, .. } = old.shape(flow) else {
            panic!()
        };
        let Shape::Object { required, .. } = old.shape(properties["spec"]) else {
            panic!()
        };
        assert!(required.contains(&"priorityLevelConfiguration".to_string()));
        assert!(
            schemas()
                .kind("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema")
                .is_none()
        );
    }

    #[test]
    fn pod_spec_shapes() {
        let schemas = schemas();
        let pod = schemas.kind("v1", "Pod").unwrap();
        let Shape::Object { properties, .. } = schemas.shape(pod) else {
            panic!()
        };
        let Shape::Object {
            properties,
            required,
            ..
        } = schemas.shape(properties["spec"])
        else {
            panic!()
        };
        assert_eq!(required, &["containers"]);
        let Shape::Array(container) = schemas.shape(properties["containers"]) else {
            panic!()
        };
        let Shape::Object { properties, .. } = schemas.shape(*container) else {
            panic!()
        };
        assert_eq!(schemas.shape(properties["image"]), &Shape::String);
        let Shape::Object { properties, .. } = schemas.shape(properties["resources"]) else {
            panic!()
        };
        let Shape::Object {
            additional: Some(quantity),
            ..
        } = schemas.shape(properties["limits"])
        else {
            panic!()
        };
        assert_eq!(schemas.shape(*quantity), &Shape::Quantity);
    }
}
