using System.CommandLine;
using ManifestPolicy.Cli.Fixing;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes;
using ManifestPolicy.Fixes.Providers;

namespace ManifestPolicy.Cli.Commands;

/// <summary>
/// `manifestpolicy render PATH... --values FILE [--out DIR]`: substitutes placeholders, checks the result, and writes
/// it only when no placeholder is left and no finding at or above the fail level remains.
/// </summary>
public static class RenderCommand
{
    public const string FinalSuffix = "-final";

    public static Command Create(CliContext cli)
    {
        var (stdout, stderr) = (cli.Stdout, cli.Stderr);
        var paths = new Argument<string[]>("paths") { Description = "Manifest files or directories with placeholders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out", "-o") { Description = "Write every rendered file under DIR, in the same tree, instead of <name>-final.yaml beside each input.", HelpName = "DIR" };
        var settings = new FixSettings();
        var command = new Command("render", "Substitute placeholders from values, check the result, and write it.");
        command.Arguments.Add(paths);
        command.Options.Add(output);
        settings.AddTo(command);
        command.SetAction(parseResult => FixSettings.Guard(stderr, () =>
        {
            var request = settings.Prepare(parseResult, paths, cli);
            var inputs = FixInputs.Load(request.Paths, request.WorkingDirectory, request.Configuration, skipRenderedOutputs: true);
            var outDirectory = parseResult.GetValue(output) is { } dir ? Path.GetFullPath(dir, request.WorkingDirectory) : null;
            return Run(inputs, request.Options, settings.GetFailLevel(parseResult), outDirectory, request.WorkingDirectory, stdout, stderr);
        }));
        return command;
    }

    private static int Run(IReadOnlyList<FixInput> inputs, FixOptions options, Severity failLevel, string? outDirectory, string cwd, TextWriter stdout, TextWriter stderr)
    {
        if (inputs.Count == 0)
        {
            stderr.WriteLine("manifestpolicy: error: no Kubernetes manifests found to render");
            return 2;
        }

        var broken = inputs.FirstOrDefault(i => i.Tree.Error is not null);
        if (broken is not null)
        {
            stderr.WriteLine($"manifestpolicy: error: '{broken.Tree.Path}' is not valid YAML ({broken.Tree.Error!.Message}); nothing was rendered");
            return 1;
        }

        // Render substitutes values only; every other finding is for `fix` or the author, and blocks the output.
        var result = new FixRunner(options, [new MP2001UnresolvedPlaceholderFixProvider()]).Run([.. inputs.Select(i => i.Tree)]);
        var mask = result.SensitiveValues;
        var unresolved = result.Unfixed.Where(u => u.Diagnostic.Id == "MP2001").ToList();
        var blocking = result.Remaining.Where(d => d.Id != "MP2001" && d.Severity >= failLevel).ToList();
        if (unresolved.Count > 0 || blocking.Count > 0)
        {
            foreach (var item in unresolved)
            {
                stderr.WriteLine(Mask($"{Where(item.Diagnostic)}: error MP2001: {item.Diagnostic.Message} ({item.Reason})", mask));
            }

            foreach (var diagnostic in blocking)
            {
                stderr.WriteLine(Mask($"{Where(diagnostic)}: {diagnostic.Severity.ToName()} {diagnostic.Id}: {diagnostic.Message}", mask));
            }

            var why = unresolved.Count > 0 && blocking.Count > 0 ? $"{unresolved.Count} placeholder(s) unresolved and {blocking.Count} finding(s) in the rendered output"
                : unresolved.Count > 0 ? $"{unresolved.Count} placeholder(s) unresolved"
                : $"{blocking.Count} finding(s) at or above {failLevel.ToName()} in the rendered output";
            stderr.WriteLine($"manifestpolicy: render failed: {why}; nothing was written. Fix the inputs first (`manifestpolicy fix`), then render.");
            return 1;
        }

        var writes = new List<(string FullPath, string Display, SourceTextAndSource Output)>();
        foreach (var input in inputs)
        {
            var changed = result.Changed.TryGetValue(input.Tree.Path, out var text);
            if (outDirectory is null && !changed)
            {
                continue;
            }

            var target = outDirectory is null
                ? FinalPath(input.Snapshot.FullPath)
                : Path.Combine(outDirectory, Path.GetRelativePath(input.Root, input.Snapshot.FullPath));
            writes.Add((target, FixInputs.DisplayPath(target, cwd), new SourceTextAndSource(text ?? input.Tree.Text, input.Snapshot.FullPath)));
        }

        foreach (var (fullPath, display, output) in writes)
        {
            AtomicFileWriter.Write(fullPath, AtomicFileWriter.Encode(output.Text), display, copyModeFrom: output.SourcePath);
            stdout.WriteLine($"wrote {display}");
        }

        if (writes.Count == 0)
        {
            stdout.WriteLine("no placeholders to render; nothing written");
        }

        return 0;
    }

    /// <summary>keda.yaml -> keda-final.yaml, beside the input.</summary>
    public static string FinalPath(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath) + FinalSuffix + Path.GetExtension(fullPath));

    private static string Where(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.Position.Start;
        return $"{diagnostic.Location.Path}:{start.Line}:{start.Column}";
    }

    private static string Mask(string text, IReadOnlyList<string> sensitive) =>
        sensitive.Aggregate(text, (current, secret) => secret.Length == 0 ? current : current.Replace(secret, "***", StringComparison.Ordinal));

    private sealed record SourceTextAndSource(Syntax.SourceText Text, string SourcePath);
}
