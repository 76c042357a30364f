/**
 * The catalog: real open-weight model architectures and accelerators, bundled as YAML with a
 * source for every number, extendable with a user's file ({@code --catalog FILE}).
 * {@link owsim.catalog.ParameterCount} derives total and active parameters from an architecture,
 * {@link owsim.catalog.HfConfigImport} reads a Hugging Face {@code config.json}, and
 * {@link owsim.catalog.CatalogWriter} writes entries back as YAML. Format: docs/CATALOG.md.
 */
package owsim.catalog;
