package io.oms.workflows.killswitch;

import io.oms.workflows.activities.KillSwitchActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One scope's trading state. Engage and release are updates serialised by a workflow lock, so a release cannot
 * overtake an engagement still sweeping. The state is recorded (read table and outbox) before the sweep starts,
 * so the order gate refuses new orders while the working ones are being canceled.
 */
public class KillSwitchWorkflowImpl implements KillSwitchWorkflow {
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    static final int MAX_REASON = 500;

    private final KillSwitchActivities activities = Workflow.newActivityStub(KillSwitchActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofMillis(200))
                            .setMaximumInterval(Duration.ofSeconds(5))
                            .build())
                    .build());
    private final WorkflowLock lock = Workflow.newWorkflowLock();
    private KillSwitchView view;
    private int transitionsThisRun;

    /** The view exists before any handler runs: with update-with-start the update may run before {@link #run}. */
    @WorkflowInit
    public KillSwitchWorkflowImpl(KillSwitchInput input) {
        view = input.carried() != null ? input.carried() : KillSwitchView.active(input.key());
    }

    @Override
    public void run(KillSwitchInput input) {
        int continueAfter = input.continueAfter() > 0 ? input.continueAfter() : KillSwitchContract.CONTINUE_AFTER_TRANSITIONS;
        Workflow.await(() -> transitionsThisRun >= continueAfter && Workflow.isEveryHandlerFinished());
        Workflow.continueAsNew(new KillSwitchInput(view.key(), view, continueAfter));
    }

    @Override
    public void validateEngage(EngageRequest request) {
        if (request == null || request.state() == null || request.state() == TradingState.ACTIVE) {
            throw new IllegalArgumentException("state must be REDUCING or HALTED");
        }
        if (request.reasonCode() == null || !REASON_CODE.matcher(request.reasonCode()).matches()) {
            throw new IllegalArgumentException("reasonCode must be upper case letters, digits and _ (at most 64)");
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must be at most " + MAX_REASON + " characters");
        }
        requireActor(request.actor());
    }

    @Override
    public Engagement engage(EngageRequest request) {
        lock.lock();
        try {
            if (view.state() == request.state()) {
                return new Engagement(view, false);
            }
            view = view.engaged(request, now());
            transitionsThisRun++;
            activities.recordState(view);
            if (view.key().scope() == KillSwitchScope.GLOBAL) {
                GlobalCancel.atEveryConnection(activities);
            }
            CancelSweep sweep = new Sweep(activities, view.key(), request.actor(),
                    "kill switch " + view.key().scope() + " " + request.state() + ": " + request.reasonCode()).run();
            view = view.withSweep(sweep);
            return new Engagement(view, true);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void validateRelease(ReleaseRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("a release request is required");
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must be at most " + MAX_REASON + " characters");
        }
        requireActor(request.actor());
    }

    @Override
    public Engagement release(ReleaseRequest request) {
        lock.lock();
        try {
            if (view.state() == TradingState.ACTIVE) {
                return new Engagement(view, false);
            }
            view = view.released(request, now());
            transitionsThisRun++;
            activities.recordState(view);
            return new Engagement(view, true);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public KillSwitchView state() {
        return view;
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor is required");
        }
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
