import Foundation

/// One file inside the DOCX ZIP package.
struct DOCXPart {
    /// Path inside the package, without a leading slash ("word/document.xml").
    let path: String
    /// The part's content type for `[Content_Types].xml`; nil for parts covered by a Default.
    let contentType: String?
    /// The part's bytes.
    let bytes: [UInt8]
}

/// The small package-level parts: content types, relationships, properties and settings.
enum DOCXPackageParts {
    static let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// `[Content_Types].xml` for the given parts.
    static func contentTypes(for parts: [DOCXPart]) -> [UInt8] {
        var xml = XMLBuffer()
        xml.appendDeclaration()
        xml.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        xml.append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        xml.append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        for part in parts {
            guard let type = part.contentType else { continue }
            xml.append("<Override PartName=\"/")
            xml.appendAttribute(part.path)
            xml.append("\" ContentType=\"")
            xml.appendAttribute(type)
            xml.append("\"/>")
        }
        xml.append("</Types>")
        return xml.bytes
    }

    /// `_rels/.rels`: the main document and the two property parts.
    static func packageRelationships() -> [UInt8] {
        relationships([
            ("rId1", relationshipBase + "officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", relationshipBase + "extended-properties", "docProps/app.xml"),
        ])
    }

    /// A relationships part from (id, type, target) triples.
    static func relationships(_ entries: [(id: String, type: String, target: String)]) -> [UInt8] {
        var xml = XMLBuffer()
        xml.appendDeclaration()
        xml.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for entry in entries {
            xml.append("<Relationship Id=\"")
            xml.appendAttribute(entry.id)
            xml.append("\" Type=\"")
            xml.appendAttribute(entry.type)
            xml.append("\" Target=\"")
            xml.appendAttribute(entry.target)
            xml.append("\"/>")
        }
        xml.append("</Relationships>")
        return xml.bytes
    }

    /// `docProps/core.xml`: title, subject, author, keywords and the two dates.
    static func coreProperties(_ metadata: ReportMetadata, created: Date) -> [UInt8] {
        var xml = XMLBuffer()
        xml.appendDeclaration()
        xml.append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        xml.append("<dc:title>"); xml.appendText(metadata.title); xml.append("</dc:title>")
        xml.append("<dc:subject>"); xml.appendText(metadata.subject); xml.append("</dc:subject>")
        xml.append("<dc:creator>"); xml.appendText(metadata.author); xml.append("</dc:creator>")
        xml.append("<cp:keywords>"); xml.appendText(metadata.keywords.joined(separator: ", ")); xml.append("</cp:keywords>")
        xml.append("<cp:lastModifiedBy>"); xml.appendText(metadata.author); xml.append("</cp:lastModifiedBy>")
        let stamp = w3cDate(created)
        xml.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">"); xml.appendText(stamp); xml.append("</dcterms:created>")
        xml.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"); xml.appendText(stamp); xml.append("</dcterms:modified>")
        xml.append("</cp:coreProperties>")
        return xml.bytes
    }

    /// A W3C date-time in UTC ("2026-01-01T00:00:00Z"); dates outside years 1…9999 are clamped.
    static func w3cDate(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let clamped = seconds.isFinite ? min(max(seconds, -62_135_596_800), 253_402_300_799) : 0
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: clamped.rounded(.down)))
    }

    /// `docProps/app.xml`: the producing application.
    static func appProperties() -> [UInt8] {
        var xml = XMLBuffer()
        xml.appendDeclaration()
        xml.append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">")
        xml.append("<Application>Formwork</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        xml.append("<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>")
        xml.append("</Properties>")
        return xml.bytes
    }

    /// `word/settings.xml`. `updateFields` makes Word refresh the TOC and page fields on open;
    /// the children follow the schema's sequence (zoom, defaultTabStop, ..., updateFields, compat).
    static func settings() -> [UInt8] {
        var xml = XMLBuffer()
        xml.appendDeclaration()
        xml.append("<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">")
        xml.append("<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>")
        xml.append("<w:characterSpacingControl w:val=\"doNotCompress\"/><w:updateFields w:val=\"true\"/>")
        xml.append("<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>")
        xml.append("</w:settings>")
        return xml.bytes
    }
}
