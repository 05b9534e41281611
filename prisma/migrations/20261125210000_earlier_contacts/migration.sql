-- Every row of the MASH queue counts the child's earlier contacts: the same NHS number, or the same date of
-- birth and a similar name. With a million contacts the old single-column indexes sent each count to ~155
-- heap pages a row (8,000 a page of the queue, measured by bench:queue). These indexes hold everything the
-- count reads, so PostgreSQL answers it from the index alone.

-- DropIndex
DROP INDEX "Contact_nhsNumber_idx";

-- DropIndex
DROP INDEX "Contact_dateOfBirth_idx";

-- CreateIndex
CREATE INDEX "Contact_nhsNumber_receivedAt_id_idx" ON "Contact"("nhsNumber", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Contact_dateOfBirth_receivedAt_childName_id_idx" ON "Contact"("dateOfBirth", "receivedAt", "childName", "id");
