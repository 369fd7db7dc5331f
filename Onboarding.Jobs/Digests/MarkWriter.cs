using Onboarding.Core.Digests;

namespace Onboarding.Jobs.Digests;

/// <summary>An outcome to record: the digest's new status, the error to show, and when it happened.</summary>
internal sealed record DigestMark(long Id, DigestStatus Status, string? Error, DateTimeOffset At);

/// <summary>
/// Records outcomes while sending goes on (group commit): a mark is written as soon as no write is
/// running, and the marks that arrive during a write go together in the next one. A message the
/// server has accepted is therefore recorded within one database round trip after the write before it,
/// which is what bounds a crash's duplicates to the few messages of that instant, and the next message
/// does not wait for the database.
/// </summary>
/// <remarks>
/// One delivery adds marks from one flow at a time; the write loop is the only user of the outbox's
/// connection until <see cref="FlushAsync"/> has returned.
/// </remarks>
internal sealed class MarkWriter(DigestOutbox outbox)
{
    private readonly Lock sync = new();
    private List<DigestMark> queued = [];
    private bool running;
    private Task writing = Task.CompletedTask;

    /// <summary>Queues <paramref name="mark"/>, writing it now if no write is running; does not wait for the write.</summary>
    /// <exception cref="Exception">An earlier write failed: stop sending, the outcomes can no longer be recorded.</exception>
    public async ValueTask AddAsync(DigestMark mark)
    {
        if (writing.IsFaulted)
        {
            await writing;
        }
        bool start;
        lock (sync)
        {
            queued.Add(mark);
            start = !running;
            running = true;
        }
        if (start)
        {
            writing = WriteQueuedAsync();
        }
    }

    /// <summary>Returns once every mark added so far is written; throws what a failed write threw.</summary>
    public Task FlushAsync() => writing;

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<DigestMark> group;
            lock (sync)
            {
                if (queued.Count == 0)
                {
                    running = false;
                    return;
                }
                group = queued;
                queued = [];
            }
            await outbox.MarkAsync(group);
        }
    }
}
