using ManifestPolicy.Diagnostics;
using ManifestPolicy.Output;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Output;

public sealed class TextDiagnosticWriterTests
{
    private static string Render(params Diagnostic[] diagnostics)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new TextDiagnosticWriter(writer).Write(TestDiagnostics.Report(diagnostics));
        return writer.ToString();
    }

    [Fact]
    public void Header_source_line_caret_and_related_notes()
    {
        var text = new SourceText("deploy/app.yaml", "kind: HorizontalPodAutoscaler\nmetadata:\n  name: orders\n");
        var related = TestDiagnostics.Related(text, "HorizontalPodAutoscaler", "the HPA is here");
        var output = Render(TestDiagnostics.At(text, "orders", "ScaledObject/orders and HPA/orders both scale Deployment/orders.", Severity.Error, related));
        Assert.Equal(
            "deploy/app.yaml:3:9: error MP1001: ScaledObject/orders and HPA/orders both scale Deployment/orders. [scaledobject-hpa-conflict]\n" +
            "  name: orders\n" +
            "        ^~~~~~\n" +
            "  deploy/app.yaml:1:7: note: the HPA is here\n",
            output);
    }

    [Fact]
    public void Crlf_line_endings_do_not_shift_lines_or_leak_into_the_source_line()
    {
        var text = new SourceText("a.yaml", "a: 1\r\nb: 2\r\nname: orders\r\n");
        var output = Render(TestDiagnostics.At(text, "orders"));
        Assert.StartsWith("a.yaml:3:7: ", output, StringComparison.Ordinal);
        Assert.Contains("\nname: orders\n      ^~~~~~\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_is_not_a_column()
    {
        var text = SourceText.FromBytes("bom.yaml", [0xEF, 0xBB, 0xBF, .. "name: orders\n"u8]);
        var output = Render(TestDiagnostics.At(text, "orders"));
        Assert.StartsWith("bom.yaml:1:7: ", output, StringComparison.Ordinal);
        Assert.Contains("\nname: orders\n      ^~~~~~\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_before_the_span_are_kept_so_the_caret_aligns()
    {
        var text = new SourceText("t.yaml", "#\tcomment\n\tx:\tvalue\n");
        var (line, caret) = TextDiagnosticWriter.Underline(text, new TextSpan(text.Text.IndexOf("value", StringComparison.Ordinal), text.Text.IndexOf("value", StringComparison.Ordinal) + 5));
        Assert.Equal("\tx:\tvalue", line);
        Assert.Equal("\t  \t^~~~~", caret);
    }

    [Fact]
    public void Columns_count_utf16_code_units_and_the_caret_counts_characters()
    {
        // "é" is one UTF-16 unit, "😀" two: the column after them is 1 + 1 + 2 + 1 (space) = 5 units.
        var text = new SourceText("u.yaml", "é😀 name: x\n");
        var start = text.Text.IndexOf("name", StringComparison.Ordinal);
        var diagnostic = new Diagnostic(TestDiagnostics.Rule, Severity.Error, new Location(text, new TextSpan(start, start + 4)), "m", "k", []);
        Assert.Equal(new LinePosition(1, 5), diagnostic.Location.Position.Start);
        var output = Render(diagnostic);
        Assert.StartsWith("u.yaml:1:5: ", output, StringComparison.Ordinal);
        Assert.Contains("\né😀 name: x\n   ^~~~\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_line_span_is_underlined_on_its_first_line_only()
    {
        var text = new SourceText("m.yaml", "spec:\n  a: 1\n  b: 2\n");
        var diagnostic = new Diagnostic(TestDiagnostics.Rule, Severity.Warning, new Location(text, new TextSpan(8, text.Text.Length - 1)), "m", "k", []);
        var output = Render(diagnostic);
        Assert.Equal("m.yaml:2:3: warning MP1001: m [scaledobject-hpa-conflict]\n  a: 1\n  ^~~~\n", output);
    }

    [Fact]
    public void Empty_span_gets_a_single_caret()
    {
        var text = new SourceText("e.yaml", "a: [1, 2\n");
        var diagnostic = new Diagnostic(TestDiagnostics.Rule, Severity.Note, new Location(text, new TextSpan(3, 3)), "m", "k", []);
        Assert.Equal("e.yaml:1:4: note MP1001: m [scaledobject-hpa-conflict]\na: [1, 2\n   ^\n", Render(diagnostic));
    }

    [Fact]
    public void Colour_only_when_asked()
    {
        var text = new SourceText("c.yaml", "name: x\n");
        var plain = new StringWriter();
        new TextDiagnosticWriter(plain).Write(TestDiagnostics.Report(TestDiagnostics.At(text, "x")));
        var colored = new StringWriter();
        new TextDiagnosticWriter(colored, color: true).Write(TestDiagnostics.Report(TestDiagnostics.At(text, "x")));
        Assert.DoesNotContain("\u001b[", plain.ToString(), StringComparison.Ordinal);
        Assert.Contains("\u001b[31merror\u001b[0m", colored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressed_findings_are_not_printed()
    {
        var text = new SourceText("s.yaml", "name: x\n");
        var suppressed = TestDiagnostics.At(text, "x") with { Suppression = new Suppression(SuppressionKind.InSource, "known") };
        Assert.Equal(string.Empty, Render(suppressed));
    }

    [Theory]
    [InlineData(0, 0, 0, 2, "no problems found in 2 files")]
    [InlineData(1, 0, 0, 1, "1 error, 0 warnings, 0 notes in 1 file")]
    [InlineData(2, 1, 3, 4, "2 errors, 1 warning, 3 notes in 4 files")]
    public void Summary_line(int errors, int warnings, int notes, int files, string expected)
    {
        var text = new SourceText("s.yaml", "name: x\n");
        var diagnostics = Enumerable.Repeat(Severity.Error, errors)
            .Concat(Enumerable.Repeat(Severity.Warning, warnings))
            .Concat(Enumerable.Repeat(Severity.Note, notes))
            .Select(s => TestDiagnostics.At(text, "x", severity: s))
            .ToList();
        Assert.Equal(expected, new AnalysisReport(diagnostics, files, 0, "/").Summary());
    }
}
