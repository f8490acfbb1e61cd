package dev.emulator.seam.support;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is assigned by the application, not by the database. Spring Data
 * cannot tell such an entity is new from its id, so without this {@code save()} would
 * merge, which reads the row by id before every insert. An entity is new from its
 * construction until it is stored, and never new once loaded.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

	@Transient
	private boolean isNew = true;

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	private void markStored() {
		this.isNew = false;
	}

}
