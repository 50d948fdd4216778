using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes;

/// <summary>Replace the characters of <paramref name="Span"/> with <paramref name="NewText"/>; an empty span inserts.</summary>
public sealed record TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Insert(int offset, string text) => new(new TextSpan(offset, offset), text);

    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);

    /// <summary>Two edits conflict when their spans overlap, or both touch one point and one of them inserts there.</summary>
    public bool ConflictsWith(TextEdit other) =>
        Span.Overlaps(other.Span) || (Span.Start == other.Span.Start && (Span.Length == 0 || other.Span.Length == 0));
}

/// <summary>An edit to one file.</summary>
public sealed record FileTextEdit(string Path, TextEdit Edit);

/// <summary>
/// What a fix does, in Roslyn's shape: a title, the finding it fixes, and its changes. The changes are applied all
/// together or not at all.
/// </summary>
public sealed record CodeFix(string Title, Diagnostics.Diagnostic Diagnostic, IReadOnlyList<FileTextEdit> Edits)
{
    /// <summary>Files the fix deletes whole (only with --allow-delete).</summary>
    public IReadOnlyList<string> DeletedFiles { get; init; } = [];

    /// <summary>Values the edits insert that must never be printed (Terraform outputs marked sensitive).</summary>
    public IReadOnlyList<string> SensitiveValues { get; init; } = [];

    public bool IsSensitive => SensitiveValues.Count > 0;
}

/// <summary>Either a fix, or why the finding cannot be fixed automatically.</summary>
public sealed record FixResult(CodeFix? Fix, string? Reason)
{
    public static FixResult Of(CodeFix fix) => new(fix, null);

    public static FixResult NotFixable(string reason) => new(null, reason);
}
