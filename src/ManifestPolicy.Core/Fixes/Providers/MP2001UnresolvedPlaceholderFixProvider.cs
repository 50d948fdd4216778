using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes.Templates;
using ManifestPolicy.Fixes.Yaml;
using ManifestPolicy.Rules;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Providers;

/// <summary>
/// MP2001: replaces a placeholder with its value from the values given (Terraform outputs, JSON or YAML files, --set,
/// the environment). The scalar keeps its quoting style while that style can hold the new value exactly; otherwise it
/// becomes double-quoted. Every edit is checked by parsing the result: the scalar must read back as the intended
/// string, so no value can change the file's structure.
/// </summary>
public sealed class MP2001UnresolvedPlaceholderFixProvider : CodeFixProvider
{
    public const string Template = "mp2001-value";

    /// <summary>Fields that take a comma-separated list, so a list value is joined with commas there.</summary>
    public static IReadOnlySet<string> CommaListFields { get; } = new HashSet<string>(StringComparer.Ordinal) { "bootstrapServers", "brokerList", "brokers" };

    public override DiagnosticDescriptor Rule => MP2001UnresolvedPlaceholder.Rule;

    public override string Description =>
        "Replaces the placeholder with its value from --values files (terraform output -json, JSON, YAML), --set or the environment, found by the mapping in values.mappings, by exact name, or by case-insensitive snake-case name; the scalar keeps its quoting unless the value needs quotes.";

    public override FixResult GetFix(CodeFixContext context, Diagnostic diagnostic)
    {
        var placeholder = Property(diagnostic, "placeholder");
        var name = Property(diagnostic, "placeholderName");
        var tree = context.FindTree(diagnostic.Location.Path);
        if (tree is null || placeholder.Length == 0 || name.Length == 0)
        {
            return FixResult.NotFixable("the value is not shown for this finding (a Secret's data), so no fix writes it; set it where the Secret is made");
        }

        var start = IntProperty(diagnostic, "spanStart") ?? diagnostic.Location.Span.Start;
        var length = IntProperty(diagnostic, "spanLength") ?? placeholder.Length;
        var span = new TextSpan(start, start + length);
        if (span.End > tree.Text.Text.Length || tree.Text.GetText(span) != placeholder)
        {
            return FixResult.NotFixable($"the placeholder {placeholder} is not written verbatim in the file");
        }

        var scalar = YamlText.FindScalarAt(tree, span.Start);
        if (scalar is null || span.End > scalar.Span.End)
        {
            return FixResult.NotFixable($"the placeholder {placeholder} is not inside a value");
        }

        var lookup = context.Options.Values.Resolve(name);
        if (lookup.Value is not { } value)
        {
            return FixResult.NotFixable(lookup.Reason!);
        }

        var field = YamlText.KeyOf(scalar);
        string text;
        if (value.List is { } list)
        {
            if (field is null || !CommaListFields.Contains(field))
            {
                return FixResult.NotFixable($"{lookup.FoundAs} is a list, and '{field ?? "this value"}' is not a comma-separated field ({string.Join(", ", CommaListFields.Order(StringComparer.Ordinal))})");
            }

            text = string.Join(",", list);
        }
        else
        {
            text = value.Text ?? string.Empty;
        }

        try
        {
            var rendered = context.Templates.Render(Template, new Dictionary<string, object?>
            {
                ["value"] = text,
                ["placeholder"] = placeholder,
                ["placeholder_name"] = name,
                ["key"] = value.Name,
            });
            text = rendered.EndsWith('\n') ? rendered[..^1] : rendered;
            YamlScalarWriter.EnsureEncodable(text);
        }
        catch (Exception ex) when (ex is FixTemplateException or ArgumentException)
        {
            return FixResult.NotFixable(ex.Message);
        }

        if (text.Contains(placeholder, StringComparison.Ordinal))
        {
            return FixResult.NotFixable($"the value of {lookup.FoundAs} contains the placeholder {placeholder} itself");
        }

        var edit = Substitute(tree, scalar, span, placeholder, text, out var expected, out var why);
        if (edit is null)
        {
            return FixResult.NotFixable(why!);
        }

        if (!ReadsBackAs(tree, scalar, edit, expected!))
        {
            return FixResult.NotFixable($"the value of {lookup.FoundAs} cannot be written in this {Describe(scalar.Style)} scalar without changing the file's structure");
        }

        var sensitive = value.Sensitive ? new[] { value.Text ?? text, text, edit.NewText }.Where(s => s.Length > 0).Distinct().ToArray() : [];
        return FixResult.Of(new CodeFix($"Replace {placeholder} with the value of {lookup.FoundAs}", diagnostic, [new FileTextEdit(tree.Path, edit)])
        {
            SensitiveValues = sensitive,
        });
    }

    private static string Describe(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => "single-quoted",
        ScalarStyle.DoubleQuoted => "double-quoted",
        ScalarStyle.Literal => "literal block",
        ScalarStyle.Folded => "folded block",
        _ => "plain",
    };

    /// <summary>The edit, and the scalar value it should produce; null with a reason when the value cannot go there.</summary>
    private static TextEdit? Substitute(SyntaxTree tree, ScalarNode scalar, TextSpan span, string placeholder, string value, out string? expected, out string? why)
    {
        expected = null;
        why = null;
        var source = tree.Text;
        var contentStart = YamlText.ContentStart(source, scalar);
        var raw = source.Text[contentStart..scalar.Span.End];

        // Which occurrence of the placeholder this is, so the same one is replaced in the value.
        var occurrence = CountOccurrences(source.Text[contentStart..span.Start], placeholder);
        var valueIndex = NthIndexOf(scalar.Value, placeholder, occurrence);
        if (valueIndex < 0)
        {
            why = $"the placeholder {placeholder} is not found in the scalar's value";
            return null;
        }

        expected = scalar.Value[..valueIndex] + value + scalar.Value[(valueIndex + placeholder.Length)..];
        var inFlow = YamlText.IsInFlow(scalar);
        switch (scalar.Style)
        {
            case ScalarStyle.Plain when raw == scalar.Value && YamlScalarWriter.CanBePlain(expected, inFlow):
                return new TextEdit(span, value);
            case ScalarStyle.DoubleQuoted:
                return new TextEdit(span, YamlScalarWriter.DoubleQuotedContent(value));
            case ScalarStyle.SingleQuoted when YamlScalarWriter.CanBeSingleQuoted(value):
                return new TextEdit(span, YamlScalarWriter.SingleQuotedContent(value));
            case ScalarStyle.Plain or ScalarStyle.SingleQuoted:
                return new TextEdit(new TextSpan(contentStart, scalar.Span.End), YamlScalarWriter.Write(expected, ScalarStyle.DoubleQuoted, inFlow));
            case ScalarStyle.Literal or ScalarStyle.Folded:
                return BlockEdit(source, scalar, span, value, out why);
            default:
                why = "unknown scalar style";
                return null;
        }
    }

    /// <summary>Block scalars hold text verbatim; continuation lines take the placeholder line's indentation.</summary>
    private static TextEdit? BlockEdit(SourceText source, ScalarNode scalar, TextSpan span, string value, out string? why)
    {
        why = null;
        var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Any(l => l.Any(c => char.IsControl(c) && c != '\t') || l.Length != l.TrimStart(' ', '\t').Length && l != lines[0]))
        {
            why = "the value has control characters or indented lines, which a block scalar cannot hold as they are";
            return null;
        }

        if (value.Length != value.Trim().Length || (scalar.Style == ScalarStyle.Folded && lines.Length > 1))
        {
            why = $"the value has {(lines.Length > 1 ? "line breaks" : "leading or trailing spaces")}, which a {(scalar.Style == ScalarStyle.Folded ? "folded" : "literal")} block would change";
            return null;
        }

        var line = source.GetLineText(source.GetPosition(span.Start).Line);
        var indent = line[..(line.Length - line.TrimStart(' ').Length)];
        return new TextEdit(span, string.Join("\n" + indent, lines));
    }

    /// <summary>Applies the edit to a copy of the file and checks the scalar now reads back as exactly the expected value.</summary>
    private static bool ReadsBackAs(SyntaxTree tree, ScalarNode scalar, TextEdit edit, string expected)
    {
        var text = tree.Text.Text;
        var newText = text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];
        var reparsed = SyntaxTree.Parse(new SourceText(tree.Path, newText));
        if (reparsed.Error is not null || reparsed.Documents.Count != tree.Documents.Count)
        {
            return false;
        }

        var delta = edit.NewText.Length - edit.Span.Length;
        var found = YamlText.FindScalarAt(reparsed, scalar.Span.Start);
        if (found is null || found.Span.Start != scalar.Span.Start || found.Span.End != scalar.Span.End + delta || found.Tag != scalar.Tag || found.Anchor != scalar.Anchor)
        {
            return false;
        }

        // A multi-line value in a literal block keeps the placeholder line's extra indentation on its continuation
        // lines; there each line must be found in order. Everywhere else the value must match exactly.
        var lines = expected.Split('\n');
        if (scalar.Style == ScalarStyle.Literal && edit.NewText.Contains('\n'))
        {
            var at = 0;
            foreach (var line in lines)
            {
                at = found.Value.IndexOf(line, at, StringComparison.Ordinal);
                if (at < 0)
                {
                    return false;
                }

                at += line.Length;
            }

            return true;
        }

        return found.Value == expected;
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static int NthIndexOf(string text, string value, int n)
    {
        var index = text.IndexOf(value, StringComparison.Ordinal);
        for (var i = 0; i < n && index >= 0; i++)
        {
            index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal);
        }

        return index;
    }
}
