using System.Text;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Output;

/// <summary>
/// The human format, in the shape compilers use:
/// <code>
/// path:line:col: error MP1001: message [scaledobject-hpa-conflict]
/// source line
///         ^~~~~~
///   path:line:col: note: related message
/// </code>
/// </summary>
public sealed class TextDiagnosticWriter(TextWriter writer, bool color = false)
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Green = "\u001b[32m";

    public void Write(AnalysisReport report)
    {
        foreach (var diagnostic in report.Active)
        {
            Write(diagnostic);
        }
    }

    public void Write(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity.ToName();
        var header = $"{Paint(severity, SeverityColor(diagnostic.Severity))} {diagnostic.Id}: {diagnostic.Message} [{diagnostic.Descriptor.Name}]";
        if (!Locations.HasFile(diagnostic.Location))
        {
            writer.WriteLine(header);
            return;
        }

        writer.WriteLine($"{Paint(Position(diagnostic.Location), Bold)}: {header}");
        if (diagnostic.Location.IsSensitive)
        {
            writer.WriteLine("  (the source line holds a Secret value and is not shown)");
        }
        else if (diagnostic.Location.Text.Text.Length > 0)
        {
            var (line, caret) = Underline(diagnostic.Location.Text, diagnostic.Location.Span);
            writer.WriteLine(line);
            writer.WriteLine(Paint(caret, Green));
        }

        foreach (var related in diagnostic.RelatedLocations)
        {
            writer.WriteLine($"  {Paint(Position(related.Location), Bold)}: {Paint("note", Cyan)}: {related.Message}");
        }
    }

    /// <summary>The first line of a span and a caret line under it; tabs are kept so that the caret lines up.</summary>
    public static (string Line, string Caret) Underline(SourceText text, TextSpan span)
    {
        var start = text.GetPosition(span.Start);
        var line = text.GetLineText(start.Line);
        var column = Math.Min(start.Column - 1, line.Length);
        var end = span.End > span.Start ? Math.Min(line.Length, column + (span.End - span.Start)) : column;
        var caret = new StringBuilder();
        AppendBlank(caret, line, 0, column);
        caret.Append('^');
        var width = Width(line, column, end);
        caret.Append('~', Math.Max(0, width - 1));
        return (line, caret.ToString());
    }

    private static void AppendBlank(StringBuilder sb, string line, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (line[i] == '\t')
            {
                sb.Append('\t');
            }
            else if (!char.IsLowSurrogate(line[i]))
            {
                // A surrogate pair is one character on screen: one space, not two.
                sb.Append(' ');
            }
        }
    }

    private static int Width(string line, int from, int to)
    {
        var width = 0;
        for (var i = from; i < to; i++)
        {
            if (!char.IsLowSurrogate(line[i]))
            {
                width++;
            }
        }

        return width;
    }

    private static string Position(Location location)
    {
        var start = location.Position.Start;
        return $"{location.Path}:{start.Line}:{start.Column}";
    }

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string text, string code) => color ? $"{code}{text}{Reset}" : text;
}
