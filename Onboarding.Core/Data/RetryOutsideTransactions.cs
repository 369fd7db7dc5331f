using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Onboarding.Core.Data;

/// <summary>
/// Npgsql's retrying strategy (what <c>EnableRetryOnFailure</c> installs), except inside a transaction begun outside
/// it: there an operation runs once, as with no strategy at all, instead of the provider's refusal to run.
/// </summary>
/// <remarks>
/// A retry can replay one query or one save, never the earlier statements of a transaction the server rolled back;
/// only the code that began the transaction can replay it whole. Request paths do so by beginning theirs inside
/// <c>Database.CreateExecutionStrategy().ExecuteAsync</c> (invitations, plan upgrades), where this strategy retries the
/// whole unit. The rest stay one attempt on purpose: the health probe reports a failure rather than hide it, and the
/// digest jobs' transactions are retried whole by Hangfire, which reruns the job.
/// </remarks>
public sealed class RetryOutsideTransactions(ExecutionStrategyDependencies dependencies, int retries, TimeSpan maxDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, retries, maxDelay, errorCodesToAdd: null)
{
    // Where the base strategy refuses to run inside a transaction it did not begin, run once instead. (Only here and
    // in ShouldRetryOn, while an operation runs: EF also reads RetriesOnFailure while it builds the context's services,
    // where asking for the current transaction hung the first query.)
    protected override void OnFirstExecution()
    {
        if (InUnwrappedTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }
        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !InUnwrappedTransaction && base.ShouldRetryOn(exception);

    // A transaction begun inside ExecuteAsync is disposed before the failure reaches the strategy, so one still
    // open here was begun outside it.
    private bool InUnwrappedTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
}
