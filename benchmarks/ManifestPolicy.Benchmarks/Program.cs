using System.Diagnostics;
using System.Globalization;
using k8s;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;
using YamlDotNet.Core;

namespace ManifestPolicy.Benchmarks;

/// <summary>
/// Times each stage of the pipeline over a corpus held in memory, in one process, so the ratios between stages are
/// measured under the same conditions. Absolute times drift between runs on a shared machine; ratios much less.
/// Usage: ManifestPolicy.Benchmarks CORPUS_DIR [--repeat N] [--no-kubernetes-client] | --per-repository CORPUS_DIR
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--per-repository", var corpus] && Directory.Exists(corpus))
        {
            return PerRepository.Run(corpus);
        }

        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: ManifestPolicy.Benchmarks CORPUS_DIR [--repeat N] [--no-kubernetes-client]");
            return 2;
        }

        var repeat = args.SkipWhile(a => a != "--repeat").Skip(1).Select(int.Parse).FirstOrDefault(3);
        var withKubernetesClient = !args.Contains("--no-kubernetes-client");
        var files = Directory.EnumerateFiles(args[0], "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => SourceText.FromBytes(Path.GetRelativePath(args[0], p).Replace('\\', '/'), File.ReadAllBytes(p)))
            .ToList();
        var megabytes = files.Sum(f => (long)f.Text.Length) / 1e6;
        Console.WriteLine($"corpus: {args[0]}: {files.Count} files, {megabytes:F1} M characters; best of {repeat} runs");

        var stages = new List<(string Name, Func<long> Run)>
        {
            ("YamlDotNet events only", () => files.Sum(f => CountEvents(f.Text))),
            ("syntax trees", () => files.Sum(f => (long)SyntaxTree.Parse(f).Documents.Count)),
            ("syntax trees, all kept", () => files.Select(f => SyntaxTree.Parse(f)).ToList().Count),
            ("syntax + semantic model", () => ManifestCompilation.Create(files.Select(f => SyntaxTree.Parse(f))).Objects.Count),
            ("syntax + model + all rules", () => new AnalyzerDriver().Analyze(ManifestCompilation.Create(files.Select(f => SyntaxTree.Parse(f)))).Count),
        };
        if (withKubernetesClient)
        {
            stages.Add(("KubernetesYaml.LoadAllFromString", () => files.Sum(f => LoadWithKubernetesClient(f.Text))));
        }

        double? baseline = null;
        foreach (var (name, run) in stages)
        {
            var (seconds, allocated, result) = Measure(run, repeat);
            baseline ??= seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} {seconds * 1000,9:F0} ms  {megabytes / seconds,7:F1} MB/s  x{seconds / baseline.Value,5:F2}  {allocated / 1e6,8:F0} MB allocated  (result {result})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }

    private static (double Seconds, long Allocated, long Result) Measure(Func<long> run, int repeat)
    {
        var best = double.MaxValue;
        long allocated = 0, result = 0;
        for (var i = 0; i < repeat; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            result = run();
            watch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return (best, allocated, result);
    }

    private static long CountEvents(string text)
    {
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            long count = 0;
            while (parser.MoveNext())
            {
                count++;
            }

            return count;
        }
        catch (Exception)
        {
            return 0;
        }
    }

    private static long LoadWithKubernetesClient(string text)
    {
        try
        {
            return KubernetesYaml.LoadAllFromString(text).Count;
        }
        catch (Exception)
        {
            // Unknown kinds (CRDs) and invalid files: what it cannot load is part of its cost, not ours to fix.
            return 0;
        }
    }
}
