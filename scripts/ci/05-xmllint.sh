#!/usr/bin/env bash
# Schema validators for the format tests: xmllint (Debian libxml2-utils)
# checks the XML writers' output against schemas/catalog.xsd in
# core/tests/formats_xml.rs and against schemas/register.xsd in
# core/tests/register_formats.rs. Runs before 10-rust.sh, which runs those tests
# (they only skip, loudly, when xmllint is missing on a developer machine).
# The JSON Schema is checked by the `jsonschema` crate (a dev-dependency),
# the DCAT RDF/XML by the `oxrdfxml` crate: nothing to install for those.
source "$(dirname "$0")/lib.sh"
apt_install libxml2-utils
xmllint --version 2>&1 | sed -n 1p
