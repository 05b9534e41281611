"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/button";
import { Checkbox } from "@/components/checkbox";
import { ErrorSummary } from "@/components/error-summary";
import { Fieldset } from "@/components/fieldset";
import { Radios } from "@/components/radios";
import { SessionExpiryWarning } from "@/components/session-expiry-warning";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import { CONSENT_EXCEPTIONS } from "@/lib/consent/policy";
import { recordPhoneContactAction, type PhoneContactFormState } from "@/lib/contacts/phone/actions";
import { staySignedInAction } from "@/lib/referral/actions";

/** The child blocks on the form: enough for most calls; a second contact takes any more. */
const CHILD_BLOCKS = 4;
const CHILD_FIELDS = ["firstName", "lastName", "dateOfBirth", "approximateAge", "nhsNumber", "postcode"] as const;

/** The fields in page order, so the error summary lists problems as they appear. */
const FIELD_ORDER = [
  "callerType",
  "callerRole",
  "callerAgency",
  "anonymous",
  "callerName",
  "callerPhone",
  "callerEmail",
  "children",
  ...Array.from({ length: CHILD_BLOCKS }, (_, i) => CHILD_FIELDS.map((field) => `children.${i}.${field}`)).flat(),
  "concerns",
  "immediateRisk",
  "immediateActionTaken",
  "level4",
  "consentStatus",
  "consentException",
  "consentDetails",
];

const YES_NO = [
  { value: "YES", label: "Yes" },
  { value: "NO", label: "No" },
];

const subscribeNever = () => () => {};

function valueAt(values: unknown, path: string): unknown {
  let node = values;
  for (const segment of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function textAt(values: unknown, path: string): string {
  const value = valueAt(values, path);
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/**
 * Recording a phone call to the MASH line, on one page. A plain HTML form whose action is a server action:
 * without JavaScript the browser posts it and the page comes back with every answer and the messages.
 */
export function PhoneContactForm({ permalink, initialState }: { permalink: string; initialState: PhoneContactFormState }) {
  const [state, formAction, pending] = useActionState(recordPhoneContactAction, initialState, permalink);
  // A new state from the server starts the form afresh from its values.
  return <PhoneContactFormBody key={state.key} state={state} formAction={formAction} pending={pending} />;
}

function PhoneContactFormBody({ state, formAction, pending }: { state: PhoneContactFormState; formAction: (formData: FormData) => void; pending: boolean }) {
  const { values, fieldErrors: errors } = state;
  const scripted = useSyncExternalStore(subscribeNever, () => true, () => false);
  // What the conditional questions follow once JavaScript runs; before that (and without it) they all show.
  const [callerType, setCallerType] = useState(textAt(values, "callerType") || null);
  const [immediateRisk, setImmediateRisk] = useState(textAt(values, "immediateRisk") || null);
  const [consentStatus, setConsentStatus] = useState(textAt(values, "consentStatus") || null);

  const text = (name: string) => ({ id: name, name, defaultValue: textAt(values, name), error: errors[name] });
  const choice = (name: string, onChoose?: (value: string) => void) => ({
    id: name,
    name,
    defaultValue: textAt(values, name) || null,
    error: errors[name],
    ...(onChoose ? { onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChoose(event.target.value) } : {}),
  });

  const position = (key: string) => (key === "form" ? -1 : FIELD_ORDER.includes(key) ? FIELD_ORDER.indexOf(key) : FIELD_ORDER.length);
  const summary = [
    ...(state.message && !errors.form ? [{ message: state.message }] : []),
    ...Object.entries(errors)
      .sort(([a], [b]) => position(a) - position(b))
      .map(([field, message]) => (field === "form" ? { message } : { message, fieldId: field })),
  ];
  const childHasAnswers = (i: number) => CHILD_FIELDS.some((field) => textAt(values, `children.${i}.${field}`) || errors[`children.${i}.${field}`]);
  const moreChildrenOpen = Array.from({ length: CHILD_BLOCKS - 1 }, (_, i) => i + 1).some(childHasAnswers);

  return (
    <>
      <ErrorSummary errors={summary} focusKey={state.key} />
      {/* The page's only <title>: without JavaScript nothing else could put "Error: " first. */}
      <title>{`${summary.length > 0 ? "Error: " : ""}Record a phone contact – Northamptonshire MASH`}</title>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Record a phone contact</h1>
      <p className="mb-8 max-w-prose">
        Record a call to the MASH line from a professional or a member of the public. Each child becomes a contact for the MASH manager to rate. If a child
        is in immediate danger, the caller should phone 999 now.
      </p>
      <form action={formAction} noValidate className="max-w-3xl">
        <Fieldset legend="The caller" legendStyle="heading">
          <Radios
            legend="Who is calling?"
            options={[
              {
                value: "PROFESSIONAL",
                label: "A professional",
                hint: "Someone who works with children, such as a teacher, health visitor, GP or police officer. A professional is never anonymous.",
                conditional: (
                  <>
                    <TextInput label="Their job title or role" autoComplete="off" width="two-thirds" {...text("callerRole")} />
                    <TextInput label="The organisation they work for" autoComplete="off" width="two-thirds" {...text("callerAgency")} />
                  </>
                ),
              },
              {
                value: "PUBLIC",
                label: "A member of the public",
                hint: "A parent, relative, neighbour or anyone else.",
                conditional: (
                  <Checkbox
                    id="anonymous"
                    name="anonymous"
                    value="yes"
                    label="They want to stay anonymous"
                    hint="Their name will not be recorded, even if you type it."
                    defaultChecked={valueAt(values, "anonymous") === true}
                    error={errors.anonymous}
                  />
                ),
              },
            ]}
            revealed={scripted ? callerType : undefined}
            {...choice("callerType", setCallerType)}
          />
          <TextInput label="Caller's name" hint="Leave it blank only if a member of the public wants to stay anonymous." autoComplete="off" spellCheck={false} width="two-thirds" {...text("callerName")} />
          <TextInput label="Caller's phone number" hint="A professional must give a phone number or an e-mail address." type="tel" autoComplete="off" width="20" {...text("callerPhone")} />
          <TextInput label="Caller's e-mail address" type="email" autoComplete="off" spellCheck={false} {...text("callerEmail")} />
        </Fieldset>

        <Fieldset id="children" legend="The children" legendStyle="heading" error={errors.children} hint={`Fill in a block for each child the caller is worried about, and leave the others empty. For more than ${CHILD_BLOCKS} children, record a second contact.`}>
          <ChildBlock index={0} values={values} errors={errors} />
          <details open={moreChildrenOpen || undefined} className="mb-8">
            <summary className="link mb-6 cursor-pointer">More children (2 to {CHILD_BLOCKS})</summary>
            {Array.from({ length: CHILD_BLOCKS - 1 }, (_, i) => (
              <ChildBlock key={i + 1} index={i + 1} values={values} errors={errors} />
            ))}
          </details>
        </Fieldset>

        <Fieldset legend="The worry" legendStyle="heading">
          <Textarea
            label="What is the caller worried about?"
            hint="What happened, when, what the caller saw or was told and by whom, and anything the child has said. Keep what the caller saw apart from what they think."
            rows={8}
            {...text("concerns")}
          />
          <Radios
            legend="Is a child at immediate risk of harm?"
            hint="For example, hurt now, or not safe to go home tonight."
            options={[
              {
                value: "YES",
                label: "Yes",
                conditional: (
                  <Textarea label="What has been done to keep the child safe now?" hint="For example, the police were called on 999, or the emergency social work team was told." rows={3} {...text("immediateActionTaken")} />
                ),
              },
              { value: "NO", label: "No" },
            ]}
            revealed={scripted ? immediateRisk : undefined}
            {...choice("immediateRisk", setImmediateRisk)}
          />
          <Radios
            legend="Is the caller's concern about child protection (Level 4)?"
            hint="Level 4, Acute Protective Support: the child is in need of protection. A professional who phones with a Level 4 concern must follow it up in writing on the online form within 24 hours."
            options={YES_NO}
            {...choice("level4")}
          />
        </Fieldset>

        <Fieldset legend="Consent" legendStyle="heading">
          <Radios
            legend="Has the family given consent to this contact?"
            options={[
              { value: "GIVEN", label: "Yes, the family has given consent" },
              { value: "REFUSED", label: "No, the family refused" },
              { value: "NOT_SOUGHT", label: "No, the family has not been asked" },
            ]}
            {...choice("consentStatus", setConsentStatus)}
          />
          <div hidden={scripted && consentStatus === "GIVEN"}>
            <Radios
              legend="Why can the contact go ahead without consent?"
              hint="Needed for a Level 4 concern when the family has not given consent."
              options={Object.entries(CONSENT_EXCEPTIONS).map(([value, label]) => ({ value, label }))}
              small
              {...choice("consentException")}
            />
          </div>
          <Textarea label="Consent: what the caller said" hint="Who gave or refused consent and when, or why the family was not asked." rows={3} {...text("consentDetails")} />
        </Fieldset>

        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record the phone contact"}
        </Button>
      </form>
      <SessionExpiryWarning staySignedIn={staySignedInAction} activityKey={state.key} />
    </>
  );
}

function ChildBlock({ index, values, errors }: { index: number; values: Record<string, unknown>; errors: Record<string, string> }) {
  const text = (field: string) => {
    const name = `children.${index}.${field}`;
    return { id: name, name, defaultValue: textAt(values, name), error: errors[name] };
  };
  return (
    <div className="mb-8 border-b border-rule pb-2">
      <Fieldset legend={index === 0 ? "Child 1" : `Child ${index + 1} (optional)`}>
        <TextInput label="First name" hint="Leave blank if the caller does not know it." autoComplete="off" spellCheck={false} width="two-thirds" {...text("firstName")} />
        <TextInput label="Last name" hint="Type Unknown if the caller does not know it." autoComplete="off" spellCheck={false} width="two-thirds" {...text("lastName")} />
        <TextInput label="Date of birth (optional)" hint="For example, 2019-03-27" type="date" width="10" {...text("dateOfBirth")} />
        <TextInput label="Approximate age in years (optional)" hint="If the caller does not know the date of birth." inputMode="numeric" autoComplete="off" width="3" suffix="years" {...text("approximateAge")} />
        <TextInput label="NHS number (optional)" hint="10 digits, like 943 476 5919" inputMode="numeric" autoComplete="off" spellCheck={false} width="10" {...text("nhsNumber")} />
        <TextInput label="Postcode (optional)" autoComplete="off" spellCheck={false} width="10" {...text("postcode")} />
      </Fieldset>
    </div>
  );
}
