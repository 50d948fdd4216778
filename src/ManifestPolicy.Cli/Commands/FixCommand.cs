using System.CommandLine;
using ManifestPolicy.Cli.Fixing;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes;
using ManifestPolicy.Rules;

namespace ManifestPolicy.Cli.Commands;

/// <summary>`manifestpolicy fix [PATH...]`: applies code fixes in place, or shows them as a diff with --dry-run.</summary>
public static class FixCommand
{
    public static Command Create(CliContext cli)
    {
        var (stdout, stderr) = (cli.Stdout, cli.Stderr);
        var paths = new Argument<string[]>("paths") { Description = "Files or directories to fix (default: the current directory).", Arity = ArgumentArity.ZeroOrMore };
        var rules = new Option<string[]>("--rule", "-r") { Description = "Fix only these rules: IDs or names, comma-separated or repeated.", HelpName = "RULE" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff and write nothing." };
        var hpaStrategy = new Option<string>("--hpa-strategy") { Description = "MP1001: remove the HPA, or let the ScaledObject adopt it.", DefaultValueFactory = _ => "remove", HelpName = "remove|adopt" };
        hpaStrategy.AcceptOnlyFromAmong("remove", "adopt");
        var allowDelete = new Option<bool>("--allow-delete") { Description = "MP1001: delete a file whose only document is the HPA (otherwise a comment is left)." };
        var caSecret = new Option<string?>("--ca-secret") { Description = "MP3002: also verify brokers with the CA in this Secret (key default ca.crt), through a TriggerAuthentication.", HelpName = "NAME[:KEY]" };
        var settings = new FixSettings();

        var command = new Command("fix", "Apply the automatic fixes for findings, in place.");
        command.Arguments.Add(paths);
        command.Options.Add(rules);
        command.Options.Add(dryRun);
        command.Options.Add(hpaStrategy);
        command.Options.Add(allowDelete);
        command.Options.Add(caSecret);
        settings.AddTo(command);
        command.SetAction(parseResult => FixSettings.Guard(stderr, () =>
        {
            var request = settings.Prepare(parseResult, paths, cli);
            var options = request.Options with
            {
                HpaStrategy = parseResult.GetValue(hpaStrategy) == "adopt" ? HpaStrategy.Adopt : HpaStrategy.Remove,
                AllowDelete = parseResult.GetValue(allowDelete),
                CaSecret = parseResult.GetValue(caSecret) is { } secret ? ParseSecret(secret) : null,
            };
            var providers = SelectProviders(parseResult.GetValue(rules) ?? []);
            var inputs = FixInputs.Load(request.Paths, request.WorkingDirectory, request.Configuration);
            return Run(inputs, options, providers, parseResult.GetValue(dryRun), settings.GetFailLevel(parseResult), stdout, stderr);
        }));
        return command;
    }

    private static CaSecret ParseSecret(string text)
    {
        try
        {
            return CaSecret.Parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new FixInputException(ex.Message);
        }
    }

    /// <summary>The providers for --rule (IDs or names); all of them when none is given.</summary>
    public static IReadOnlyList<CodeFixProvider> SelectProviders(IReadOnlyList<string> rules)
    {
        var names = rules.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
        {
            return CodeFixCatalog.Providers;
        }

        var selected = new List<CodeFixProvider>();
        foreach (var name in names)
        {
            var rule = RuleCatalog.Find(name) ?? throw new FixInputException($"--rule '{name}' names no rule (see `manifestpolicy rules`)");
            var provider = CodeFixCatalog.Find(rule.Id) ?? throw new FixInputException($"rule {rule.Id} ({rule.Name}) has no automatic fix");
            if (!selected.Contains(provider))
            {
                selected.Add(provider);
            }
        }

        return selected;
    }

    private static int Run(IReadOnlyList<FixInput> inputs, FixOptions options, IReadOnlyList<CodeFixProvider> providers, bool dryRun, Severity failLevel, TextWriter stdout, TextWriter stderr)
    {
        var result = new FixRunner(options, providers).Run([.. inputs.Select(i => i.Tree)]);
        var byPath = inputs.ToDictionary(i => i.Tree.Path, StringComparer.Ordinal);
        var report = dryRun ? stderr : stdout;

        if (dryRun)
        {
            foreach (var path in result.Changed.Keys.Concat(result.Deleted).Distinct().Order(StringComparer.Ordinal))
            {
                var newText = result.Deleted.Contains(path) ? null : result.Changed[path].Text;
                stdout.Write(UnifiedDiff.Create(path, path, result.Originals[path].Text, newText, result.SensitiveValues));
            }
        }
        else
        {
            // Every file is checked before any is written, so a refusal leaves all of them as they were.
            foreach (var path in result.Changed.Keys.Concat(result.Deleted))
            {
                if (!byPath[path].Snapshot.IsUnchangedOnDisk())
                {
                    throw new FileWriteException($"'{path}' changed on disk since it was read; nothing was written, run the command again");
                }
            }

            foreach (var (path, text) in result.Changed.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                AtomicFileWriter.Replace(byPath[path].Snapshot, text);
            }

            foreach (var path in result.Deleted)
            {
                AtomicFileWriter.Delete(byPath[path].Snapshot);
            }
        }

        WriteReport(result, dryRun, report);
        return result.Remaining.Any(d => d.Severity >= failLevel) ? 1 : 0;
    }

    private static void WriteReport(FixRunResult result, bool dryRun, TextWriter report)
    {
        var verb = dryRun ? "would fix" : "fixed";
        foreach (var applied in result.Applied.OrderBy(a => a.Fix.Diagnostic, Comparer<Diagnostic>.Create(Diagnostic.Compare)))
        {
            var diagnostic = applied.Fix.Diagnostic;
            report.WriteLine($"{Where(diagnostic)}: {verb} {diagnostic.Id}: {Mask(applied.Fix.Title, result.SensitiveValues)}");
        }

        foreach (var path in result.Deleted)
        {
            report.WriteLine($"{path}: {(dryRun ? "would delete" : "deleted")}");
        }

        foreach (var unfixed in result.Unfixed)
        {
            // A dry run leaves the files as they were, so positions are given in them.
            var diagnostic = dryRun && unfixed.Original is { } original ? original : unfixed.Diagnostic;
            report.WriteLine(Mask($"{Where(diagnostic)}: not fixed {diagnostic.Id} ({diagnostic.Severity.ToName()}): {unfixed.Reason}", result.SensitiveValues));
        }

        var files = result.Changed.Count + result.Deleted.Count;
        report.WriteLine($"{result.Applied.Count} fix{(result.Applied.Count == 1 ? string.Empty : "es")} {(dryRun ? "would change" : "changed")} {files} file{(files == 1 ? string.Empty : "s")}; {result.Remaining.Count} finding{(result.Remaining.Count == 1 ? string.Empty : "s")} remain{(result.Remaining.Count == 1 ? "s" : string.Empty)}");
    }

    private static string Where(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.Position.Start;
        return $"{diagnostic.Location.Path}:{start.Line}:{start.Column}";
    }

    private static string Mask(string text, IReadOnlyList<string> sensitive) =>
        sensitive.Aggregate(text, (current, secret) => secret.Length == 0 ? current : current.Replace(secret, "***", StringComparison.Ordinal));
}
