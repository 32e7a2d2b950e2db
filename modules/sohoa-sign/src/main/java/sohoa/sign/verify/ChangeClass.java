package sohoa.sign.verify;

/** What kind of thing changed after a signature, as the report names it. */
enum ChangeClass {
  PAGE_CONTENT("page content"),
  RESOURCE("a font, image or drawing a page uses"),
  PAGE_TREE("pages"),
  ANNOTATION("annotation"),
  FORM_FIELD("form field"),
  OPTIONAL_CONTENT("optional content (layers shown or hidden)"),
  ACTION("actions, outlines or names"),
  DOCUMENT("document catalog"),
  SIGNATURE("signature"),
  VALIDATION_DATA("validation data"),
  METADATA("metadata"),
  RENDERING("as rendered");

  private final String label;

  ChangeClass(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
