namespace Onboarding.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the Hangfire server in this process. Web nodes can turn it off and leave jobs to workers.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Threads for the jobs of the "default" queue (the dispatcher, escalations), which work the database and the CPU.</summary>
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// Threads for digest delivery (the "digests" queue). A delivery spends its time waiting on the mail server, so
    /// a worker runs several at once whatever its cores; each holds one SMTP and one database connection.
    /// </summary>
    public int DigestWorkerCount { get; set; } = 10;
}

/// <summary>The job queues; a job names its own with <see cref="Hangfire.QueueAttribute"/>.</summary>
public static class JobQueues
{
    public const string Digests = "digests";

    public const string Default = "default";
}
