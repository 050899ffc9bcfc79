//! The schema layer: Kubernetes' own OpenAPI definitions (through
//! k8s-openapi's schemars schemas) compiled once into a compact graph, and a
//! walk that reports every unknown field, wrong type and missing required
//! field of a document, each at its position.

mod kinds;
mod shapes;
mod walk;

pub(crate) use shapes::{group_of, schemas};
pub(crate) use walk::check_document;
