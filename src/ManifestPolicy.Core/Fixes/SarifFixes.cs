using System.Text.Json;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Output;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes;

/// <summary>
/// Writes SARIF `fixes` for results whose rule has a fix: the same edits `manifestpolicy fix` makes for that finding
/// alone, with the default fix options. Fixes that would insert a sensitive value are left out of the log.
/// </summary>
public sealed class SarifFixes
{
    private readonly IReadOnlyDictionary<Diagnostic, CodeFix> fixes;
    private readonly IReadOnlyDictionary<string, SourceText> texts;

    private SarifFixes(IReadOnlyDictionary<Diagnostic, CodeFix> fixes, IReadOnlyDictionary<string, SourceText> texts)
    {
        this.fixes = fixes;
        this.texts = texts;
    }

    public static SarifFixes Create(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<Diagnostic> diagnostics, FixOptions? options = null)
    {
        options ??= new FixOptions();
        var compilation = ManifestCompilation.Create(trees, options.CompilationOptions);
        var found = new FixRunner(options).GetFixes(compilation, diagnostics);
        return new SarifFixes(found, trees.ToDictionary(t => t.Path, t => t.Text, StringComparer.Ordinal));
    }

    public int Count => fixes.Count;

    public bool TryGetFix(Diagnostic diagnostic, out CodeFix fix) => fixes.TryGetValue(diagnostic, out fix!);

    /// <summary>For <see cref="SarifWriterOptions.WriteFixes"/>.</summary>
    public void Write(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        if (!fixes.TryGetValue(diagnostic, out var fix) || fix.IsSensitive)
        {
            return;
        }

        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartObject("description");
        json.WriteString("text", fix.Title);
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        var paths = fix.Edits.Select(e => e.Path).Concat(fix.DeletedFiles).Distinct().Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var text = texts[path];
            json.WriteStartObject();
            json.WriteStartObject("artifactLocation");
            var (uri, relative) = SarifLogWriter.PathToUri(path);
            json.WriteString("uri", uri);
            if (relative)
            {
                json.WriteString("uriBaseId", SarifLogWriter.SourceRootId);
            }

            json.WriteEndObject();
            json.WriteStartArray("replacements");
            var edits = fix.DeletedFiles.Contains(path)
                ? [TextEdit.Delete(new TextSpan(0, text.Text.Length))]
                : fix.Edits.Where(e => e.Path == path).Select(e => e.Edit).Distinct().OrderBy(e => e.Span.Start).ToList();
            foreach (var edit in edits)
            {
                WriteReplacement(json, text, edit);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteReplacement(Utf8JsonWriter json, SourceText text, TextEdit edit)
    {
        var position = text.GetPositionSpan(edit.Span);
        json.WriteStartObject();
        json.WriteStartObject("deletedRegion");
        json.WriteNumber("startLine", position.Start.Line);
        json.WriteNumber("startColumn", position.Start.Column);
        json.WriteNumber("endLine", position.End.Line);
        json.WriteNumber("endColumn", position.End.Column);
        json.WriteNumber("charOffset", edit.Span.Start);
        json.WriteNumber("charLength", edit.Span.Length);
        json.WriteEndObject();
        if (edit.NewText.Length > 0)
        {
            json.WriteStartObject("insertedContent");
            json.WriteString("text", FixRunner.NormalizeLineEndings(edit.NewText, text.LineEnding));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
