using System.Text;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes;

/// <summary>A fix that was made, and in which pass.</summary>
public sealed record AppliedFix(CodeFix Fix, int Pass);

/// <summary>A finding that remains, and why no fix removed it.</summary>
/// <param name="Diagnostic">The finding in the fixed files.</param>
/// <param name="Original">The same finding in the files as they were read, when it was there already.</param>
public sealed record UnfixedFinding(Diagnostic Diagnostic, string Reason, Diagnostic? Original = null);

/// <summary>The outcome of fixing a set of files: new texts, deleted files, and what was and was not fixed.</summary>
public sealed class FixRunResult
{
    internal FixRunResult(
        IReadOnlyDictionary<string, SourceText> originals,
        IReadOnlyDictionary<string, SourceText> changed,
        IReadOnlySet<string> deleted,
        IReadOnlyList<AppliedFix> applied,
        IReadOnlyList<UnfixedFinding> unfixed,
        IReadOnlyList<Diagnostic> remaining)
    {
        Originals = originals;
        Changed = changed;
        Deleted = deleted;
        Applied = applied;
        Unfixed = unfixed;
        Remaining = remaining;
    }

    public IReadOnlyDictionary<string, SourceText> Originals { get; }

    /// <summary>Files whose text changed, with their new text (byte order mark and line endings as the original).</summary>
    public IReadOnlyDictionary<string, SourceText> Changed { get; }

    public IReadOnlySet<string> Deleted { get; }

    public IReadOnlyList<AppliedFix> Applied { get; }

    /// <summary>Findings left after fixing, each with the reason it was not fixed.</summary>
    public IReadOnlyList<UnfixedFinding> Unfixed { get; }

    /// <summary>Every finding of the re-analysis of the fixed files.</summary>
    public IReadOnlyList<Diagnostic> Remaining { get; }

    /// <summary>Inserted values that must be shown as *** in diffs and logs.</summary>
    public IReadOnlyList<string> SensitiveValues =>
        [.. Applied.SelectMany(a => a.Fix.SensitiveValues).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
}

/// <summary>
/// Applies code fixes to files in passes: analyse, ask each provider for a fix, keep the fixes whose edits do not
/// overlap (in finding order, so the outcome is deterministic), apply them, and check every changed file still parses;
/// then analyse again, until nothing more is fixed. The result is a fixed point, so fixing it again changes nothing.
/// </summary>
public sealed class FixRunner
{
    private const int MaxPasses = 8;

    private readonly FixOptions options;
    private readonly IReadOnlyList<CodeFixProvider> providers;
    private readonly AnalyzerDriver driver;

    public FixRunner(FixOptions options, IReadOnlyList<CodeFixProvider>? providers = null, IReadOnlyList<ManifestAnalyzer>? analyzers = null)
    {
        this.options = options;
        this.providers = providers ?? CodeFixCatalog.Providers;
        driver = new AnalyzerDriver(analyzers);
    }

    /// <param name="trees">Every input, parsed; context files included.</param>
    /// <param name="inScope">Which findings may be fixed and are reported (null: all).</param>
    public FixRunResult Run(IReadOnlyList<SyntaxTree> trees, Func<Diagnostic, bool>? inScope = null)
    {
        inScope ??= _ => true;
        var originals = trees.ToDictionary(t => t.Path, t => t.Text, StringComparer.Ordinal);
        var current = trees.ToDictionary(t => t.Path, t => t, StringComparer.Ordinal);
        var deleted = new SortedSet<string>(StringComparer.Ordinal);
        var applied = new List<AppliedFix>();
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);

        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            var compilation = ManifestCompilation.Create(current.Values.OrderBy(t => t.Path, StringComparer.Ordinal), options.CompilationOptions);
            var diagnostics = Active(Analyze(compilation), inScope);
            var context = new CodeFixContext(compilation, diagnostics, options);
            if (pass == 1)
            {
                foreach (var diagnostic in diagnostics)
                {
                    firstSeen.TryAdd(Identity(diagnostic), diagnostic);
                }
            }

            var accepted = new List<CodeFix>();
            foreach (var diagnostic in diagnostics)
            {
                var identity = Identity(diagnostic);
                if (blocked.Contains(identity) || FindProvider(diagnostic) is not { } provider)
                {
                    continue;
                }

                if (current.TryGetValue(diagnostic.Location.Path, out var brokenTree) && brokenTree.Error is not null)
                {
                    reasons[identity] = "the file does not parse, and fixes change only valid YAML";
                    continue;
                }

                var result = GetFix(provider, context, diagnostic);
                if (result.Fix is not { } fix)
                {
                    reasons[identity] = result.Reason ?? "no fix";
                    continue;
                }

                if (fix.Edits.Count == 0 && fix.DeletedFiles.Count == 0)
                {
                    continue;
                }

                if (accepted.Any(other => Conflicts(fix, other)))
                {
                    reasons[identity] = "its edit overlaps another fix's, and the finding remained after that fix";
                    continue;
                }

                accepted.Add(fix);
            }

            if (accepted.Count == 0)
            {
                break;
            }

            // A fix whose file would not parse is dropped with every fix it shares a file with, and tried no more.
            while (accepted.Count > 0)
            {
                var (texts, failure) = Apply(current, accepted);
                if (failure is null)
                {
                    foreach (var fix in accepted)
                    {
                        applied.Add(new AppliedFix(fix, pass));
                        foreach (var path in fix.DeletedFiles)
                        {
                            deleted.Add(path);
                            current.Remove(path);
                        }
                    }

                    foreach (var (path, tree) in texts)
                    {
                        current[path] = tree;
                    }

                    break;
                }

                foreach (var fix in accepted.Where(f => f.Edits.Any(e => e.Path == failure.Value.Path)).ToList())
                {
                    var identity = Identity(fix.Diagnostic);
                    blocked.Add(identity);
                    reasons[identity] = $"the fixed file would not parse ({failure.Value.Message}), so it was left as it was";
                    accepted.Remove(fix);
                }
            }
        }

        var finalCompilation = ManifestCompilation.Create(current.Values.OrderBy(t => t.Path, StringComparer.Ordinal), options.CompilationOptions);
        var remaining = Active(Analyze(finalCompilation), inScope);
        var unfixed = remaining
            .Select(d => new UnfixedFinding(d, reasons.TryGetValue(Identity(d), out var reason) ? reason
                : FindProvider(d) is null ? (CodeFixCatalog.Find(d.Id) is not null ? "its fix was not selected with --rule" : "this rule has no automatic fix")
                : "the finding remained after the fixes",
                firstSeen.TryGetValue(Identity(d), out var original) ? original : null))
            .ToList();
        var changed = current
            .Where(kv => originals.TryGetValue(kv.Key, out var original) && kv.Value.Text.Text != original.Text)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Text, StringComparer.Ordinal);
        return new FixRunResult(originals, changed, deleted, applied, unfixed, remaining);
    }

    /// <summary>Every finding's own fix on the unchanged files, as SARIF's per-result fixes describe them.</summary>
    public IReadOnlyDictionary<Diagnostic, CodeFix> GetFixes(ManifestCompilation compilation, IReadOnlyList<Diagnostic> diagnostics)
    {
        var context = new CodeFixContext(compilation, diagnostics, options);
        var fixes = new Dictionary<Diagnostic, CodeFix>(ReferenceEqualityComparer.Instance);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Suppression is null && FindProvider(diagnostic) is { } provider && GetFix(provider, context, diagnostic).Fix is { } fix
                && (fix.Edits.Count > 0 || fix.DeletedFiles.Count > 0) && ParsesAfter(compilation, fix))
            {
                fixes[diagnostic] = fix;
            }
        }

        return fixes;
    }

    private bool ParsesAfter(ManifestCompilation compilation, CodeFix fix)
    {
        var trees = compilation.Trees.ToDictionary(t => t.Path, t => t, StringComparer.Ordinal);
        return Apply(trees, [fix]).Failure is null;
    }

    private IReadOnlyList<Diagnostic> Analyze(ManifestCompilation compilation)
    {
        var diagnostics = driver.Analyze(compilation, options.AnalyzerOptions);
        return options.Filter is { } filter ? filter(compilation, diagnostics) : diagnostics;
    }

    private CodeFixProvider? FindProvider(Diagnostic diagnostic) => providers.FirstOrDefault(p => p.Rule.Id == diagnostic.Id);

    private static FixResult GetFix(CodeFixProvider provider, CodeFixContext context, Diagnostic diagnostic)
    {
        try
        {
            return provider.GetFix(context, diagnostic);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return FixResult.NotFixable($"the fix failed with {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static List<Diagnostic> Active(IReadOnlyList<Diagnostic> diagnostics, Func<Diagnostic, bool> inScope) =>
        [.. diagnostics.Where(d => d.Suppression is null && d.Severity != Severity.None && inScope(d))];

    private static string Identity(Diagnostic diagnostic) => $"{diagnostic.FingerprintKey}\u0001{diagnostic.Message}";

    /// <summary>
    /// Two fixes conflict when their edits overlap in one file, or one deletes a file the other changes. Identical
    /// edits agree (two ScaledObjects against one HPA both remove it), and so do identical deletions.
    /// </summary>
    private static bool Conflicts(CodeFix a, CodeFix b)
    {
        if (a.DeletedFiles.Intersect(b.DeletedFiles).Any()
            || a.DeletedFiles.Any(p => b.Edits.Any(e => e.Path == p))
            || b.DeletedFiles.Any(p => a.Edits.Any(e => e.Path == p)))
        {
            return !a.DeletedFiles.SequenceEqual(b.DeletedFiles) || a.Edits.Count + b.Edits.Count > 0;
        }

        foreach (var x in a.Edits)
        {
            foreach (var y in b.Edits)
            {
                if (x.Path == y.Path && x.Edit.ConflictsWith(y.Edit) && x.Edit != y.Edit)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Applies the fixes' edits file by file; the first file that would not parse is the failure.</summary>
    private static (Dictionary<string, SyntaxTree> Texts, (string Path, string Message)? Failure) Apply(IReadOnlyDictionary<string, SyntaxTree> current, IReadOnlyList<CodeFix> fixes)
    {
        var results = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (var group in fixes.SelectMany(f => f.Edits).GroupBy(e => e.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!current.TryGetValue(group.Key, out var tree))
            {
                return (results, (group.Key, "the file is not among the inputs"));
            }

            var edits = group.Select(e => e.Edit).Distinct().OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
            var text = ApplyEdits(tree.Text, edits);
            var parsed = SyntaxTree.Parse(text);
            if (tree.Error is not null)
            {
                return (results, (group.Key, "the file did not parse before the fix"));
            }

            if (parsed.Error is { } error)
            {
                return (results, (group.Key, error.Message));
            }

            results[group.Key] = parsed;
        }

        return (results, null);
    }

    /// <summary>The text with the edits applied; inserted line breaks follow the file's own line ending.</summary>
    public static SourceText ApplyEdits(SourceText text, IReadOnlyList<TextEdit> sortedEdits)
    {
        var builder = new StringBuilder(text.Text.Length + 256);
        var at = 0;
        foreach (var edit in sortedEdits)
        {
            builder.Append(text.Text, at, edit.Span.Start - at);
            builder.Append(NormalizeLineEndings(edit.NewText, text.LineEnding));
            at = edit.Span.End;
        }

        builder.Append(text.Text, at, text.Text.Length - at);
        return new SourceText(text.Path, builder.ToString(), text.HasByteOrderMark);
    }

    /// <summary>Inserted text with the file's own line ending.</summary>
    public static string NormalizeLineEndings(string inserted, string lineEnding)
    {
        var lf = inserted.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lineEnding == "\n" ? lf : lf.Replace("\n", lineEnding, StringComparison.Ordinal);
    }
}
