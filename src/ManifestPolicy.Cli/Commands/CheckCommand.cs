using System.CommandLine;

namespace ManifestPolicy.Cli.Commands;

/// <summary>`manifestpolicy check [PATH...|-]`.</summary>
public static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or directories to check; - reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("check", "Check manifests and report findings.");
        command.Arguments.Add(paths);
        command.SetAction(_ => 0);
        return command;
    }
}
