using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Infrastructure;

/// <summary>What the signed-in person may do in the engagement named by the route.</summary>
/// <remarks><see cref="Revision"/> is the engagement's as the gate read it, for <see cref="EngagementSnapshots"/>.</remarks>
public sealed record EngagementAccess(int EngagementId, Member? Member, bool IsAdministrator, bool IsClosed, Guid Revision)
{
    public EngagementRole? Role => Member?.Role;

    public bool IsLeader => IsAdministrator || Role == EngagementRole.AccountLeader;

    public bool HasRole(IEnumerable<EngagementRole> roles) => IsAdministrator || (Member is not null && roles.Contains(Member.Role));

    /// <summary>Leaders run the whole plan; everyone else moves their own tasks.</summary>
    public bool CanUpdate(PlanTask task) => IsLeader || (Member is not null && task.OwnerId == Member.Id);
}

/// <summary>Limits an engagement action to some roles; provider administrators always pass.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class EngagementRolesAttribute(params EngagementRole[] roles) : Attribute
{
    public IReadOnlyList<EngagementRole> Roles { get; } = roles;
}

/// <summary>
/// The one gate for every engagement route: any action whose route carries
/// <c>{engagementId}</c> runs only for members of that engagement (or administrators of its
/// provider). Everyone else gets 404, so an engagement's existence does not leak.
/// </summary>
public sealed class EngagementAccessFilter(OnboardingDbContext db) : IAsyncResourceFilter
{
    public const string RouteKey = "engagementId";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (!context.RouteData.Values.TryGetValue(RouteKey, out var raw))
        {
            await next();
            return;
        }

        var access = await FindAccessAsync(context.HttpContext, raw?.ToString());
        if (access is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        var required = context.ActionDescriptor.EndpointMetadata.OfType<EngagementRolesAttribute>().LastOrDefault();
        if (required is not null && !access.HasRole(required.Roles))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        context.HttpContext.Features.Set(access);
        await next();
    }

    /// <summary>
    /// One round trip on every engagement request: the membership, whether an administrator's
    /// provider owns the engagement, whether it is closed (for OpenEngagementOnly) and its revision.
    /// Compiled once, as it runs on every request. A left join on (engagement, user) rather than
    /// <c>e.Members.FirstOrDefault(...)</c>, which EF translates into a window over every membership the user has.
    /// A compiled query belongs to the model it was compiled for, so there is one per context type: one
    /// process may serve both providers (the form tests run the app on PostgreSQL and on SQLite).
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<OnboardingDbContext, int, string, Task<GateRow?>>> Gates = new();

    private static Func<OnboardingDbContext, int, string, Task<GateRow?>> CompileGate() => EF.CompileAsyncQuery(
        (OnboardingDbContext db, int engagementId, string userId) => (
            from e in db.Engagements.AsNoTracking()
            where e.Id == engagementId
            join m in db.Members.AsNoTracking().Where(m => m.UserId == userId) on e.Id equals m.EngagementId into memberships
            from member in memberships.DefaultIfEmpty()
            select new GateRow(e.ProviderId, e.Status, e.Revision, member))
            .FirstOrDefault());

    private sealed record GateRow(int ProviderId, EngagementStatus Status, Guid Revision, Member? Member);

    private async Task<EngagementAccess?> FindAccessAsync(HttpContext http, string? rawId)
    {
        if (http.User.Identity?.IsAuthenticated != true || !int.TryParse(rawId, out var engagementId))
        {
            return null;
        }

        var found = await Gates.GetOrAdd(db.GetType(), _ => CompileGate())(db, engagementId, http.User.UserId());
        if (found is null)
        {
            return null;
        }
        var isAdministrator = http.User.IsAdministrator() && found.ProviderId == http.User.OrganisationId();
        return found.Member is null && !isAdministrator
            ? null
            : new EngagementAccess(engagementId, found.Member, isAdministrator, found.Status == EngagementStatus.Closed, found.Revision);
    }
}

public static class EngagementAccessExtensions
{
    /// <summary>The access the gate granted; only engagement routes have one.</summary>
    public static EngagementAccess EngagementAccess(this HttpContext http) =>
        http.Features.Get<EngagementAccess>() ?? throw new InvalidOperationException("Not an engagement route: no {engagementId} in it.");
}
