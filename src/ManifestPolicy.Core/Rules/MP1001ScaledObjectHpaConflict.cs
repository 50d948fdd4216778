using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Rules;

/// <summary>
/// MP1001: a HorizontalPodAutoscaler and a ScaledObject scale the same workload. KEDA's webhook rejects the
/// ScaledObject at apply time, and lets it through when the webhook is down; then two controllers fight over replicas.
/// </summary>
public sealed class MP1001ScaledObjectHpaConflict : ManifestAnalyzer
{
    public const string TransferOwnershipAnnotation = "scaledobject.keda.sh/transfer-hpa-ownership";
    public const string HpaOwnershipValidationAnnotation = "validations.keda.sh/hpa-ownership";

    public static DiagnosticDescriptor Rule { get; } = new(
        "MP1001",
        "scaledobject-hpa-conflict",
        "HorizontalPodAutoscaler and ScaledObject scale the same workload",
        "Scaling",
        Severity.Error,
        "A KEDA ScaledObject creates and drives its own HorizontalPodAutoscaler. A second HPA on the same workload in the same namespace makes two controllers set the replica count; KEDA's admission webhook rejects the ScaledObject, or, when the webhook is unavailable, the two fight. Remove the HPA, or let the ScaledObject adopt it with the transfer-hpa-ownership annotation and spec.advanced.horizontalPodAutoscalerConfig.name.",
        ["keda", "autoscaling", "cross-object"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration) =>
        registration.RegisterCompilationAction(Analyze);

    private static void Analyze(CompilationAnalysisContext context)
    {
        var hpasByWorkload = new Dictionary<ObjectKey, List<(ManifestObject Hpa, ScaleTarget Target)>>();
        foreach (var hpa in context.Compilation.GetObjectsOfKind("HorizontalPodAutoscaler"))
        {
            if (hpa.Group == "autoscaling" && ScaleTarget.From(hpa) is { } target)
            {
                if (!hpasByWorkload.TryGetValue(target.Workload, out var list))
                {
                    hpasByWorkload[target.Workload] = list = [];
                }

                list.Add((hpa, target));
            }
        }

        if (hpasByWorkload.Count == 0)
        {
            return;
        }

        foreach (var scaledObject in context.Compilation.GetObjectsOfKind("ScaledObject"))
        {
            if (scaledObject.Group is not ("keda.sh" or "keda.k8s.io")
                || ScaleTarget.From(scaledObject) is not { } target
                || !hpasByWorkload.TryGetValue(target.Workload, out var hpas))
            {
                continue;
            }

            foreach (var (hpa, hpaTarget) in hpas)
            {
                if (!IsExempt(scaledObject, hpa))
                {
                    context.Report(CreateDiagnostic(context, scaledObject, target, hpa, hpaTarget));
                }
            }
        }
    }

    private static bool IsExempt(ManifestObject scaledObject, ManifestObject hpa)
    {
        if (GoBool.IsFalse(hpa.GetAnnotation(HpaOwnershipValidationAnnotation)) || IsOwnedBy(hpa, scaledObject))
        {
            return true;
        }

        // KEDA names its own HPA keda-hpa-<scaledobject> unless horizontalPodAutoscalerConfig.name says otherwise.
        var adoptedName = AdoptedHpaName(scaledObject);
        if (hpa.Name == (adoptedName ?? $"keda-hpa-{scaledObject.Name}"))
        {
            return adoptedName is null || AdoptsHpa(scaledObject);
        }

        return false;
    }

    private static bool AdoptsHpa(ManifestObject scaledObject) =>
        GoBool.IsTrue(scaledObject.GetAnnotation(TransferOwnershipAnnotation));

    private static string? AdoptedHpaName(ManifestObject scaledObject) =>
        scaledObject.Spec?.GetMapping("advanced")?.GetMapping("horizontalPodAutoscalerConfig")?.GetString("name");

    private static bool IsOwnedBy(ManifestObject hpa, ManifestObject scaledObject) =>
        hpa.Metadata?.GetSequence("ownerReferences")?.Items
            .Select(item => item.Resolve())
            .OfType<Syntax.MappingNode>()
            .Any(owner => owner.GetString("kind") == "ScaledObject" && owner.GetString("name") == scaledObject.Name) == true;

    private static Diagnostic CreateDiagnostic(CompilationAnalysisContext context, ManifestObject scaledObject, ScaleTarget target, ManifestObject hpa, ScaleTarget hpaTarget)
    {
        var sameFile = scaledObject.Path == hpa.Path;
        var hpaWhere = sameFile ? "in the same file" : $"in {hpa.Path}";
        var message =
            $"{scaledObject.DisplayName} and HorizontalPodAutoscaler/{hpa.Name} ({hpaWhere}) both scale {target.Describe()} in namespace '{scaledObject.Namespace}'" +
            $"{WhyAdoptionFails(scaledObject, hpa)}; remove the HPA, or let KEDA adopt it with annotation {TransferOwnershipAnnotation}: \"true\" and spec.advanced.horizontalPodAutoscalerConfig.name: {hpa.Name}.";
        var related = new RelatedLocation(
            new Location(hpa.Text, hpaTarget.Entry.Key.Span),
            $"HorizontalPodAutoscaler/{hpa.Name} also scales {hpaTarget.Describe()} here.");
        var diagnostic = context.Create(
            Rule,
            scaledObject.Text,
            target.Entry.Key.Span,
            message,
            $"MP1001|{scaledObject.Path}|{scaledObject.Namespace}/{scaledObject.Name}|{hpa.Namespace}/{hpa.Name}",
            related);
        return diagnostic with
        {
            Properties = new Dictionary<string, string>
            {
                ["scaledObject"] = scaledObject.Name,
                ["hpa"] = hpa.Name,
                ["hpaPath"] = hpa.Path,
                ["hpaDocumentIndex"] = hpa.Document.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["hpaListItemIndex"] = hpa.ListItemIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                ["workload"] = target.Describe(),
                ["namespace"] = scaledObject.Namespace,
            },
        };
    }

    /// <summary>Half-done adoption is the most common near miss: say which half is missing.</summary>
    private static string WhyAdoptionFails(ManifestObject scaledObject, ManifestObject hpa)
    {
        var adoptedName = AdoptedHpaName(scaledObject);
        var transfer = AdoptsHpa(scaledObject);
        if (transfer && adoptedName is null)
        {
            return $" (the ScaledObject sets {TransferOwnershipAnnotation} but not spec.advanced.horizontalPodAutoscalerConfig.name)";
        }

        if (transfer && adoptedName != hpa.Name)
        {
            return $" (spec.advanced.horizontalPodAutoscalerConfig.name is '{adoptedName}', not '{hpa.Name}')";
        }

        if (!transfer && adoptedName == hpa.Name)
        {
            return $" (spec.advanced.horizontalPodAutoscalerConfig.name names the HPA but annotation {TransferOwnershipAnnotation} is not \"true\")";
        }

        return string.Empty;
    }
}
