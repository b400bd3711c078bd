package org.shanhai.projects.imports.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violations;

/**
 * What a workbook is checked for before it is read. A zip bomb: every part is inflated once,
 * counting, and the workbook is refused as soon as the parts inflate to more than the limit or a
 * large part shrank more than {@value #MAX_RATIO}:1 (Apache POI's default guard), which no sheet of
 * figures does. Merged cells in the first sheet: fastexcel-reader does not report them, and a merged
 * block reads as one value and empty cells under it, so its {@code mergeCell} elements are looked
 * for directly.
 */
final class WorkbookChecks {

  static final int MAX_RATIO = 100;
  private static final long SMALL_PART = 1024 * 1024;
  private static final int MAX_LISTED = 10;
  private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private WorkbookChecks() {
  }

  static void check(Path path, long maxUnzippedBytes) throws IOException {
    try (ZipFile zip = new ZipFile(path.toFile())) {
      inflatesSafely(zip, maxUnzippedBytes);
      String sheet = firstSheet(zip);
      if (sheet == null) {
        throw new NotASpreadsheet("broken-workbook", "the file is a zip archive but not an Excel workbook (no xl/workbook.xml with a sheet)");
      }
      List<String> merged = mergedCells(zip, sheet);
      if (!merged.isEmpty()) {
        throw new InvalidInput("file", "merged-cells", "the first sheet merges cells (" + String.join(", ", merged)
            + "): unmerge them and fill in every row's own value, since a merged block reads as one row's value "
            + "and empty cells under it");
      }
    } catch (ZipException e) {
      throw new NotASpreadsheet("broken-workbook", "the file looks like a zip archive but cannot be opened as one (" + e.getMessage() + ")");
    } catch (XMLStreamException e) {
      throw new NotASpreadsheet("broken-workbook", "the workbook's XML cannot be read (" + e.getMessage() + ")");
    }
  }

  private static void inflatesSafely(ZipFile zip, long maxUnzippedBytes) throws IOException {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      long size = 0;
      try (InputStream in = zip.getInputStream(entry)) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          size += read;
          if (total + size > maxUnzippedBytes) {
            throw bomb("its parts inflate to more than " + maxUnzippedBytes / (1024 * 1024) + " MB");
          }
          long compressed = Math.max(1, entry.getCompressedSize());
          if (size > SMALL_PART && size / compressed > MAX_RATIO) {
            throw bomb("part " + entry.getName() + " inflates more than " + MAX_RATIO + " times");
          }
        }
      }
      total += size;
    }
  }

  private static InvalidInput bomb(String why) {
    return new InvalidInput(new Violations().add("file", "zip-bomb", "the workbook is refused: " + why
        + ", which a sheet of figures never does (a zip bomb, or a workbook padded with something else)").list());
  }

  /** The path in the zip of the workbook's first sheet, or null when there is none. */
  private static String firstSheet(ZipFile zip) throws IOException, XMLStreamException {
    String id = firstAttribute(zip, "xl/workbook.xml", "sheet", RELATIONSHIPS, "id", null);
    if (id == null) {
      return null;
    }
    String target = firstAttribute(zip, "xl/_rels/workbook.xml.rels", "Relationship", null, "Target", id);
    if (target == null) {
      return null;
    }
    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
  }

  /**
   * The attribute {@code name} of the first element {@code element} (the one whose {@code Id} is
   * {@code id}, when given) in a part of the zip.
   */
  private static String firstAttribute(ZipFile zip, String part, String element, String namespace, String name,
      String id) throws IOException, XMLStreamException {
    ZipEntry entry = zip.getEntry(part);
    if (entry == null) {
      return null;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader xml = factory().createXMLStreamReader(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(element)
            && (id == null || id.equals(xml.getAttributeValue(null, "Id")))) {
          return xml.getAttributeValue(namespace, name);
        }
      }
      return null;
    }
  }

  private static List<String> mergedCells(ZipFile zip, String sheet) throws IOException, XMLStreamException {
    List<String> merged = new ArrayList<>();
    ZipEntry entry = zip.getEntry(sheet);
    if (entry == null) {
      return merged;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader xml = factory().createXMLStreamReader(in);
      while (xml.hasNext() && merged.size() < MAX_LISTED) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mergeCell")) {
          merged.add(xml.getAttributeValue(null, "ref"));
        }
      }
    }
    return merged;
  }

  /** No DTDs and no external entities: the XML comes from whoever uploaded it. */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
