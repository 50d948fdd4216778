using System.Diagnostics;
using ManifestPolicy.Fixes;
using ManifestPolicy.Fixes.Values;
using ManifestPolicy.Syntax;
using Xunit.Abstractions;

namespace ManifestPolicy.Tests.Corpus;

/// <summary>
/// `fix --dry-run` over real repositories: no fix fails with an exception, every fixed file parses, and fixing the
/// fixed files again changes nothing. Placeholders get a value from a stand-in environment so MP2001's fix runs too.
/// </summary>
public class CorpusFixTests(ITestOutputHelper output)
{
    [Fact]
    public void Fixes_over_the_copied_corpus_never_fail_and_always_parse() => Run(CorpusLoader.CopiedCorpus, HpaStrategy.Remove);

    [Fact]
    public void Adopting_fixes_over_the_copied_corpus_never_fail_and_always_parse() => Run(CorpusLoader.CopiedCorpus, HpaStrategy.Adopt);

    private void Run(string root, HpaStrategy strategy)
    {
        var watch = Stopwatch.StartNew();
        var (files, changed, applied, unfixed) = (0, 0, 0, 0);
        var failures = new List<string>();
        foreach (var repository in CorpusLoader.Repositories(root))
        {
            var trees = CorpusLoader.LoadRepository(root, repository).Trees;
            files += trees.Count;
            // A value that looks like no placeholder itself, or MP2001 would rightly report it again.
            var values = new ValueSet { Environment = name => $"resolved-{name.Length}" };
            var options = new FixOptions { Values = values, HpaStrategy = strategy, CaSecret = CaSecret.Parse("kafka-ca") };
            var result = new FixRunner(options).Run(trees);
            changed += result.Changed.Count;
            applied += result.Applied.Count;
            unfixed += result.Unfixed.Count;
            failures.AddRange(result.Unfixed.Where(u => u.Reason.StartsWith("the fix failed", StringComparison.Ordinal)).Select(u => $"{u.Diagnostic.Location.Path}: {u.Reason}"));
            foreach (var (path, text) in result.Changed)
            {
                if (SyntaxTree.Parse(text).Error is { } error)
                {
                    failures.Add($"{path}: fixed text does not parse: {error.Message}");
                }
            }

            var fixedTrees = trees.Select(t => result.Changed.TryGetValue(t.Path, out var text) ? SyntaxTree.Parse(text) : t).Where(t => !result.Deleted.Contains(t.Path)).ToList();
            var again = new FixRunner(options).Run(fixedTrees);
            failures.AddRange(again.Changed.Keys.Select(path => $"{path}: a second fix changed it again"));
        }

        output.WriteLine($"{files} files, {applied} fixes in {changed} files, {unfixed} findings left, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(applied > 0, "the corpus should give the fixes something to do");
    }
}
