using ManifestPolicy.Diagnostics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Rules;

/// <summary>
/// MP0002: a suppression comment or annotation that hides nothing. Reported by the engine after all rules ran,
/// because only then is it known which suppressions were used.
/// </summary>
public static class MP0002UnusedSuppression
{
    public static DiagnosticDescriptor Descriptor { get; } = new(
        "MP0002",
        "unused-suppression",
        "Remove the suppression that matches no finding",
        "Suppression",
        Severity.Note,
        "A manifestpolicy-disable comment or a manifestpolicy.io/suppress annotation names a rule that reports nothing where the suppression applies, names no rule at all, or is misspelt. Stale suppressions hide the next real finding of that rule there, so they should go.",
        ["suppression"]);

    public static Diagnostic Create(SourceText text, TextSpan span, string message, string fingerprintKey) =>
        new(Descriptor, Descriptor.DefaultSeverity, new Location(text, span), message, fingerprintKey, []);
}
