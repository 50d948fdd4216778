using System.Text;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Output;

/// <summary>
/// GitHub Actions workflow commands: <c>::error file=...,line=...,endLine=...,col=...,endColumn=...,title=...::message</c>.
/// GitHub shows at most 10 annotations of each kind per step; the log keeps them all.
/// </summary>
public sealed class GitHubAnnotationWriter(TextWriter writer)
{
    public void Write(AnalysisReport report)
    {
        foreach (var diagnostic in report.Active)
        {
            Write(diagnostic);
        }
    }

    public void Write(Diagnostic diagnostic)
    {
        var command = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (Locations.HasFile(diagnostic.Location))
        {
            var span = diagnostic.Location.Position;
            properties.Add($"file={EscapeProperty(diagnostic.Location.Path)}");
            properties.Add($"line={span.Start.Line}");
            properties.Add($"endLine={span.End.Line}");
            properties.Add($"col={span.Start.Column}");
            properties.Add($"endColumn={span.End.Column}");
        }

        properties.Add($"title={EscapeProperty($"{diagnostic.Id} {diagnostic.Descriptor.Name}")}");
        var message = new StringBuilder(diagnostic.Message);
        foreach (var related in diagnostic.RelatedLocations)
        {
            var start = related.Location.Position.Start;
            message.Append('\n').Append($"{related.Location.Path}:{start.Line}:{start.Column}: note: {related.Message}");
        }

        writer.WriteLine($"::{command} {string.Join(',', properties)}::{EscapeData(message.ToString())}");
    }

    /// <summary>Escapes a message as GitHub's toolkit does: % CR LF.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: as data, plus ':' and ','.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
