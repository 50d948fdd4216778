using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Suppressions;

/// <summary>Every file's suppressions, looked up by the path of a finding's primary location.</summary>
internal sealed class SuppressionIndex
{
    private readonly Dictionary<string, FileSuppressions> files = new(StringComparer.Ordinal);

    public static SuppressionIndex Build(ManifestCompilation compilation)
    {
        var index = new SuppressionIndex();
        var objectsByPath = compilation.Objects.ToLookup(o => o.Path, StringComparer.Ordinal);
        foreach (var tree in compilation.Trees)
        {
            index.files[tree.Path] = new FileSuppressions(tree, objectsByPath[tree.Path]);
        }

        return index;
    }

    public Suppression? Match(Diagnostic diagnostic) =>
        files.TryGetValue(diagnostic.Location.Path, out var file) ? file.Match(diagnostic) : null;

    public IEnumerable<Diagnostic> Unused(bool aboutUnusedSuppressions) =>
        files.Values.SelectMany(f => f.Unused(aboutUnusedSuppressions)).ToList();
}
