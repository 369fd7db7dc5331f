using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Onboarding.Core.Data;

/// <summary>Tells a database that is away (down, restarting, unreachable) from a request the database refused.</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// True for a failure that says nothing about the request: retries that ran out, or a transient error of the
    /// driver (a refused or dropped connection, a server shutting down). A constraint violation or a missing table is
    /// not: the same request would fail again.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException or DbException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }
}
