package dev.emulator.seam.device;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every write of {@code devices}. */
interface DeviceRepository extends JpaRepository<Device, String> {

}
