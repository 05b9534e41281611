"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useSyncExternalStore, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { Button, ButtonGroup } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { SessionExpiryWarning } from "@/components/session-expiry-warning";
import { saveSectionAction, staySignedInAction, type SectionFormState } from "@/lib/referral/actions";
import { SECTION_SCHEMAS, SECTION_TITLES, type ReferralKind, type SectionKey } from "@/lib/referral/schema";
import { createFieldKit, fieldOrderOf, flattenFormErrors, sortByFieldOrder, type FieldKit } from "./field-kit";
import { ChildrenFields } from "./fields/children-fields";
import { FamilyFields } from "./fields/family-fields";
import { InformationSharingFields } from "./fields/information-sharing-fields";
import { NeedsFields, type NeedsContext } from "./fields/needs-fields";
import { ProfessionalsFields } from "./fields/professionals-fields";
import { ReferrerFields } from "./fields/referrer-fields";
import { SupportFields } from "./fields/support-fields";
import { WorriesFields } from "./fields/worries-fields";

const subscribeNever = () => () => {};

/** react-hook-form reads a radio group nobody has answered, or one hidden by a conditional reveal, as null;
 * the browser's form post leaves it out. The schema is checked against the second. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  return value;
}

function withoutUnanswered(resolver: Resolver<FieldValues>): Resolver<FieldValues> {
  return (values, context, options) => resolver(withoutNulls(values) as FieldValues, context, options);
}

export type SectionContext = { needs?: NeedsContext; hasChildAged13OrOver?: boolean; chosenLevel?: number | null };

type SectionFormProps = {
  draftId: string;
  section: SectionKey;
  /** This page's own address: the form posts here without JavaScript, and its answer state belongs to it. */
  permalink: string;
  initialState: SectionFormState;
  context: SectionContext;
  /** Where "Back" and "Return to the task list" lead. */
  taskListHref: string;
};

/**
 * One page of a referral draft. A plain HTML form whose action is a server action: without JavaScript the
 * browser posts it and the page comes back with the action's state (every answer, and the messages). With
 * JavaScript, react-hook-form checks "Save and continue" against the same schema first, with the same
 * messages, and only a page that passes is posted; the other buttons (add, remove, save for later) save as is.
 */
export function SectionForm(props: SectionFormProps) {
  const [state, formAction, pending] = useActionState(saveSectionAction, props.initialState, props.permalink);
  // A new state from the server starts the form afresh from its values (a child added, a page refused).
  return <SectionFormBody key={state.key} {...props} state={state} formAction={formAction} pending={pending} />;
}

function SectionFormBody({
  draftId,
  section,
  taskListHref,
  context,
  state,
  formAction,
  pending,
}: SectionFormProps & { state: SectionFormState; formAction: (formData: FormData) => void; pending: boolean }) {
  const schema = SECTION_SCHEMAS[section];
  const scripted = useSyncExternalStore(subscribeNever, () => true, () => false);
  const {
    register,
    watch,
    setValue,
    handleSubmit,
    formState: { errors: browserErrors, submitCount },
  } = useForm<FieldValues>({
    resolver: withoutUnanswered(zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<FieldValues>),
    defaultValues: state.values,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    // The error summary takes focus instead, as GOV.UK forms do.
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);

  // Messages from the browser's own check, once it has run on this page; before that, the server's.
  const errors = submitCount > 0 ? flattenFormErrors(browserErrors) : state.fieldErrors;
  const kit: FieldKit = createFieldKit({ values: state.values, errors, register, watch, setValue, scripted });
  const order = fieldOrderOf(schema, state.values);
  const summary = sortByFieldOrder(errors, order).map(([field, message]) => (field === "form" ? { message } : { message, fieldId: field }));

  useEffect(() => {
    if (state.focusId) document.getElementById(state.focusId)?.focus();
  }, [state.focusId]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // Only "Save and continue" is checked first; adding, removing and saving for later keep whatever is there.
    if (submitter?.value !== "continue") return;
    event.preventDefault();
    const form = event.currentTarget;
    // The checked answers go to the same action the plain form posts to. (Not form.requestSubmit(): the
    // check can finish while this submit event is still being dispatched, and the browser then ignores it.)
    void handleSubmit(() => {
      const data = new FormData(form, submitter);
      startTransition(() => formAction(data));
    })();
  }

  const kind: ReferralKind = state.kind ?? "MASH";
  const title = SECTION_TITLES[section];
  return (
    <>
      <ErrorSummary errors={summary} focusKey={`${state.key}:${submitCount}`} />
      {/* The page's only <title> (React puts it in <head>): without JavaScript nothing else could add "Error: ". */}
      <title>{`${summary.length > 0 ? "Error: " : ""}${title} – Northamptonshire MASH`}</title>
      {state.message && <PageMessage state={state} />}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">
        <span className="mb-1 block text-lg text-muted md:text-2xl">{kind === "MASH" ? "MASH referral" : "Early-help request"}</span>
        {title}
      </h1>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="max-w-3xl">
        {/* Pressing Enter in a box means "Save and continue", not the first button on the page ("Remove"). */}
        <button type="submit" name="intent" value="continue" hidden tabIndex={-1} />
        <input type="hidden" name="draftId" value={draftId} />
        <input type="hidden" name="section" value={section} />
        <input type="hidden" name="kind" value={kind} />
        <SectionFields section={section} kind={kind} kit={kit} values={state.values} context={context} pending={pending} />
        <ButtonGroup>
          <Button type="submit" name="intent" value="continue" disabled={pending}>
            {pending ? "Saving…" : "Save and continue"}
          </Button>
          <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
            Save and come back later
          </Button>
        </ButtonGroup>
      </form>
      <p className="mt-8">
        <Link href={taskListHref} className="link">
          Return to the task list without saving this page
        </Link>
      </p>
      <SessionExpiryWarning staySignedIn={staySignedInAction} activityKey={state.key} />
    </>
  );
}

/** A problem with the whole page. When the session has ended, how to sign in again without losing anything. */
function PageMessage({ state }: { state: SectionFormState }) {
  return (
    <div role="alert" className="mb-8 border-[5px] border-brand p-4">
      <h2 className="mb-2 text-xl font-bold">{state.sessionEnded ? "Your session has ended" : "This page was not saved"}</h2>
      {state.sessionEnded ? (
        <p>
          Your session has ended, so this page was not saved.{" "}
          <a href="/sign-in" target="_blank" rel="noopener" className="link">
            Sign in again in a new tab (opens in new tab)
          </a>
          , then come back and select Save and continue. What you typed is still here.
        </p>
      ) : (
        <p>{state.message}</p>
      )}
    </div>
  );
}

function SectionFields({ section, kind, kit, values, context, pending }: { section: SectionKey; kind: ReferralKind; kit: FieldKit; values: Record<string, unknown>; context: SectionContext; pending: boolean }) {
  switch (section) {
    case "referrer":
      return <ReferrerFields kit={kit} />;
    case "children":
      return <ChildrenFields kit={kit} values={values} pending={pending} />;
    case "family":
      return <FamilyFields kit={kit} values={values} pending={pending} />;
    case "professionals":
      return <ProfessionalsFields kit={kit} />;
    case "worries":
      return <WorriesFields kit={kit} />;
    case "needs":
      return <NeedsFields kit={kit} kind={kind} values={values} context={context.needs} />;
    case "support":
      return <SupportFields kit={kit} />;
    case "informationSharing":
      return <InformationSharingFields kit={kit} kind={kind} chosenLevel={context.chosenLevel ?? null} hasChildAged13OrOver={context.hasChildAged13OrOver ?? false} />;
  }
}
