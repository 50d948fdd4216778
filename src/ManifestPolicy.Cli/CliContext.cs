namespace ManifestPolicy.Cli;

/// <summary>The process surroundings a command uses, replaceable in tests.</summary>
public sealed record CliContext(TextWriter Stdout, TextWriter Stderr)
{
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>True when standard output is a terminal, so colour may be used.</summary>
    public bool StdoutIsTerminal { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}

/// <summary>A usage, configuration or I/O problem: one line on stderr and exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);

public static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Error = 2;
}
