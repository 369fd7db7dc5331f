namespace Onboarding.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the Hangfire server in this process. Web nodes can turn it off and leave jobs to workers.</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);
}
