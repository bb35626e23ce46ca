package io.bedrockgateway.domain.chat;

import java.util.Arrays;
import java.util.Optional;

/** The document formats a chat turn may carry. */
public enum DocumentFormat {
  PDF("pdf"),
  CSV("csv"),
  DOC("doc"),
  DOCX("docx"),
  XLS("xls"),
  XLSX("xlsx"),
  HTML("html"),
  TXT("txt"),
  MD("md");

  private final String wireName;

  DocumentFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<DocumentFormat> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(format -> format.wireName.equals(wireName)).findFirst();
  }
}
