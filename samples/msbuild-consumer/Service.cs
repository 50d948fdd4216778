namespace MsBuildConsumer;

/// <summary>Stands for the service whose deployment manifests live under infrastructure/.</summary>
public static class Service
{
    public const string Name = "inference-service";
}
