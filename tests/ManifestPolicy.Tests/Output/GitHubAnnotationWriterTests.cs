using ManifestPolicy.Diagnostics;
using ManifestPolicy.Output;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Output;

public sealed class GitHubAnnotationWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%", "100%25")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("x: y, z", "x: y, z")]
    [InlineData("%0A", "%250A")]
    public void Data_escapes_percent_and_line_breaks(string value, string expected) =>
        Assert.Equal(expected, GitHubAnnotationWriter.EscapeData(value));

    [Theory]
    [InlineData("a/b.yaml", "a/b.yaml")]
    [InlineData("c:/x,y.yaml", "c%3A/x%2Cy.yaml")]
    [InlineData("50%\n", "50%25%0A")]
    public void Properties_also_escape_colon_and_comma(string value, string expected) =>
        Assert.Equal(expected, GitHubAnnotationWriter.EscapeProperty(value));

    [Theory]
    [InlineData(Severity.Error, "::error ")]
    [InlineData(Severity.Warning, "::warning ")]
    [InlineData(Severity.Note, "::notice ")]
    public void Command_per_severity_with_position_and_title(Severity severity, string command)
    {
        var text = new SourceText("deploy/a,b.yaml", "kind: X\nname: orders\n");
        var writer = new StringWriter { NewLine = "\n" };
        new GitHubAnnotationWriter(writer).Write(TestDiagnostics.At(text, "orders", "100% wrong:\nreally", severity));
        Assert.Equal(
            $"{command}file=deploy/a%2Cb.yaml,line=2,endLine=2,col=7,endColumn=13,title=MP1001 scaledobject-hpa-conflict::100%25 wrong:%0Areally\n",
            writer.ToString());
    }

    [Fact]
    public void Related_locations_follow_the_message_on_their_own_lines()
    {
        var text = new SourceText("a.yaml", "kind: X\nname: orders\n");
        var writer = new StringWriter { NewLine = "\n" };
        new GitHubAnnotationWriter(writer).Write(TestDiagnostics.At(text, "orders", "m", Severity.Error, TestDiagnostics.Related(text, "X", "here")));
        Assert.EndsWith("::m%0Aa.yaml:1:7: note: here\n", writer.ToString(), StringComparison.Ordinal);
    }
}
