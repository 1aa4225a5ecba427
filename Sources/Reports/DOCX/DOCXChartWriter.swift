import Foundation

/// Writes a `ChartSpec` as a native DrawingML chart part (`word/charts/chartN.xml`).
///
/// Values live in `c:strCache`/`c:numCache`, which is what Word and LibreOffice draw from;
/// the `c:f` formulas name the cells an embedded workbook would hold, but no workbook is
/// embedded, so Word's "Edit Data" is unavailable (see docs/reports-docx.md).
enum DOCXChartWriter {
    /// Series colours (Office's default palette order), cycled.
    static let palette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"]

    /// The chart part for `spec`.
    static func chartPart(_ spec: ChartSpec) -> [UInt8] {
        var xml = XMLBuffer(capacity: 4096)
        xml.appendDeclaration()
        xml.append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        xml.append("<c:roundedCorners val=\"0\"/><c:chart>")
        appendTitle(spec.title, into: &xml)
        xml.append("<c:plotArea><c:layout/>")
        let series = plottedSeries(spec)
        switch spec.kind {
        case .bar, .stackedBar, .histogram: appendBarChart(spec, series: series, into: &xml)
        case .line: appendLineChart(spec, series: series, into: &xml)
        case .pie, .donut: appendPieChart(spec, series: series, into: &xml)
        }
        xml.append("</c:plotArea>")
        if series.count > 1 || spec.kind == .pie || spec.kind == .donut {
            xml.append("<c:legend><c:legendPos val=\"r\"/><c:overlay val=\"0\"/></c:legend>")
        }
        xml.append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>")
        return xml.bytes
    }

    /// The series a kind draws: pie, donut and histogram use only the first one.
    static func plottedSeries(_ spec: ChartSpec) -> [ChartSeries] {
        switch spec.kind {
        case .pie, .donut, .histogram: return Array(spec.series.prefix(1))
        case .bar, .stackedBar, .line: return spec.series
        }
    }

    private static func appendTitle(_ title: String, into xml: inout XMLBuffer) {
        guard !title.isEmpty else {
            xml.append("<c:autoTitleDeleted val=\"1\"/>")
            return
        }
        xml.append("<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"en-GB\" sz=\"1200\" b=\"1\"/><a:t>")
        xml.appendText(title)
        xml.append("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/>")
    }

    private static func appendBarChart(_ spec: ChartSpec, series: [ChartSeries], into xml: inout XMLBuffer) {
        let stacked = spec.kind == .stackedBar
        xml.append("<c:barChart><c:barDir val=\"col\"/>")
        xml.append(stacked ? "<c:grouping val=\"stacked\"/>" : "<c:grouping val=\"clustered\"/>")
        xml.append("<c:varyColors val=\"0\"/>")
        for (index, item) in series.enumerated() {
            appendSeriesStart(item, index: index, into: &xml)
            // Histogram bins touch, so a white outline keeps neighbouring bins apart.
            appendFill(palette[index % palette.count], outline: spec.kind == .histogram ? "FFFFFF" : nil, into: &xml)
            xml.append("<c:invertIfNegative val=\"0\"/>")
            appendCategoriesAndValues(spec.categories, item, column: index + 1, into: &xml)
            xml.append("</c:ser>")
        }
        // Histogram bins touch; stacked segments must overlap fully.
        xml.append(spec.kind == .histogram ? "<c:gapWidth val=\"0\"/>" : "<c:gapWidth val=\"80\"/>")
        if stacked { xml.append("<c:overlap val=\"100\"/>") }
        xml.append("<c:axId val=\"50010\"/><c:axId val=\"50020\"/></c:barChart>")
        appendAxes(into: &xml)
    }

    private static func appendLineChart(_ spec: ChartSpec, series: [ChartSeries], into xml: inout XMLBuffer) {
        xml.append("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>")
        for (index, item) in series.enumerated() {
            let colour = palette[index % palette.count]
            appendSeriesStart(item, index: index, into: &xml)
            xml.append("<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"")
            xml.appendAttribute(colour)
            xml.append("\"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size val=\"5\"/>")
            appendFill(colour, into: &xml)
            xml.append("</c:marker>")
            appendCategoriesAndValues(spec.categories, item, column: index + 1, into: &xml)
            xml.append("<c:smooth val=\"0\"/></c:ser>")
        }
        xml.append("<c:marker val=\"1\"/><c:axId val=\"50010\"/><c:axId val=\"50020\"/></c:lineChart>")
        appendAxes(into: &xml)
    }

    private static func appendPieChart(_ spec: ChartSpec, series: [ChartSeries], into xml: inout XMLBuffer) {
        let donut = spec.kind == .donut
        xml.append(donut ? "<c:doughnutChart>" : "<c:pieChart>")
        xml.append("<c:varyColors val=\"1\"/>")
        if let item = series.first {
            appendSeriesStart(item, index: 0, into: &xml)
            // Explicit slice colours: without a theme part, automatic colours are reader-specific.
            for point in spec.categories.indices {
                xml.append("<c:dPt><c:idx val=\"")
                xml.append(int: point)
                xml.append("\"/><c:bubble3D val=\"0\"/>")
                appendFill(palette[point % palette.count], into: &xml)
                xml.append("</c:dPt>")
            }
            xml.append("<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"0\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"1\"/><c:showBubbleSize val=\"0\"/><c:showLeaderLines val=\"1\"/></c:dLbls>")
            appendCategoriesAndValues(spec.categories, item, column: 1, into: &xml)
            xml.append("</c:ser>")
        }
        xml.append("<c:firstSliceAng val=\"0\"/>")
        xml.append(donut ? "<c:holeSize val=\"50\"/></c:doughnutChart>" : "</c:pieChart>")
    }

    /// `c:ser` start: index, order and the series name as a cached string reference.
    private static func appendSeriesStart(_ series: ChartSeries, index: Int, into xml: inout XMLBuffer) {
        xml.append("<c:ser><c:idx val=\"")
        xml.append(int: index)
        xml.append("\"/><c:order val=\"")
        xml.append(int: index)
        xml.append("\"/><c:tx><c:strRef><c:f>Sheet1!$")
        xml.appendText(columnName(index + 1))
        xml.append("$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>")
        xml.appendText(series.name)
        xml.append("</c:v></c:pt></c:strCache></c:strRef></c:tx>")
    }

    private static func appendFill(_ colour: String, outline: String? = nil, into xml: inout XMLBuffer) {
        xml.append("<c:spPr><a:solidFill><a:srgbClr val=\"")
        xml.appendAttribute(colour)
        xml.append("\"/></a:solidFill>")
        if let outline {
            xml.append("<a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"")
            xml.appendAttribute(outline)
            xml.append("\"/></a:solidFill></a:ln>")
        }
        xml.append("</c:spPr>")
    }

    /// `c:cat` and `c:val`: one point per category; missing values are 0.
    private static func appendCategoriesAndValues(_ categories: [String], _ series: ChartSeries, column: Int, into xml: inout XMLBuffer) {
        let count = categories.count
        let lastRow = String(count + 1)
        xml.append("<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$")
        xml.appendText(lastRow)
        xml.append("</c:f><c:strCache><c:ptCount val=\"")
        xml.append(int: count)
        xml.append("\"/>")
        for (index, label) in categories.enumerated() {
            xml.append("<c:pt idx=\"")
            xml.append(int: index)
            xml.append("\"><c:v>")
            xml.appendText(label)
            xml.append("</c:v></c:pt>")
        }
        xml.append("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$")
        let letter = columnName(column)
        xml.appendText(letter)
        xml.append("$2:$")
        xml.appendText(letter)
        xml.append("$")
        xml.appendText(lastRow)
        xml.append("</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"")
        xml.append(int: count)
        xml.append("\"/>")
        for index in 0..<count {
            xml.append("<c:pt idx=\"")
            xml.append(int: index)
            xml.append("\"><c:v>")
            xml.append(number: index < series.values.count ? series.values[index] : 0)
            xml.append("</c:v></c:pt>")
        }
        xml.append("</c:numCache></c:numRef></c:val>")
    }

    /// The category (bottom) and value (left, with grid lines) axes shared by bar and line.
    private static func appendAxes(into xml: inout XMLBuffer) {
        xml.append("<c:catAx><c:axId val=\"50010\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"50020\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>")
        xml.append("<c:valAx><c:axId val=\"50020\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"50010\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>")
    }

    /// Spreadsheet column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var number = max(0, index) + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }
}
