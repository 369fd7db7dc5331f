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

    /// <summary>
    /// How often the dispatcher records what is due: whole minutes that divide an hour, or seconds that divide a minute
    /// (a test or a demo that should not wait five minutes). A digest goes out within this long of its local hour.
    /// </summary>
    public TimeSpan DigestDispatchInterval { get; set; } = JobSchedules.DigestDispatchInterval;

    /// <summary>
    /// A fetched job whose worker stopped renewing it (the process was killed) is fetched again after this long. The
    /// job storage renews a live job's fetch every fifth of it, so a long job is never taken from a live worker.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The job queues; a job names its own with <see cref="Hangfire.QueueAttribute"/>.</summary>
public static class JobQueues
{
    public const string Digests = "digests";

    public const string Default = "default";
}
