using System.CommandLine;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;

namespace ManifestPolicy.Cli.Commands;

/// <summary>`manifestpolicy rules`: the catalogue, one rule a line.</summary>
public static class RulesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("rules", "List every rule with its ID, name, default severity and title.");
        command.SetAction(_ =>
        {
            foreach (var rule in RuleCatalog.Descriptors)
            {
                stdout.WriteLine($"{rule.Id}  {rule.Name,-34} {rule.DefaultSeverity.ToName(),-8} {rule.Title}");
            }

            return 0;
        });
        return command;
    }
}
